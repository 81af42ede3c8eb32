package org.wushe.fund.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.wushe.fund.domain.Project;
import org.wushe.fund.domain.ProjectNeed;
import org.wushe.security.domain.Caller;
import org.wushe.shared.NotFoundException;

/** What {@link ProjectService} and {@link ProjectQueries} both look up: a project in the caller's scope, its linked needs. */
@Dependent
public class ProjectRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    FundAccess access;

    /** The needs a project is linked to, in id order. */
    List<ProjectNeed> links(Long projectId) {
        return em.createQuery("select l from ProjectNeed l where l.projectId = :p order by l.needId", ProjectNeed.class)
                .setParameter("p", projectId).getResultList();
    }

    /** The project by id, in the caller's scope; {@link NotFoundException} otherwise. */
    Project inScope(Caller caller, Long id) {
        Project p = id == null ? null : em.find(Project.class, id);
        if (p == null) {
            throw new NotFoundException("project", id);
        }
        access.community(caller, p.getCommunityId());
        return p;
    }
}
