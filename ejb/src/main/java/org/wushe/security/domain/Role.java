package org.wushe.security.domain;

import static org.wushe.security.domain.Right.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of DOMAIN.md §2, the rights each carries and the scope kind each must have. Full view
 * of personal data is for the roles that serve residents in person; the bureau and sub-district
 * oversee figures and see personal data masked only.
 */
public enum Role {
    BUREAU_ADMIN(ScopeKind.CITY, EnumSet.of(VIEW_RESIDENTS, ADMINISTER_GEOGRAPHY, ADMINISTER_ACCOUNTS, VIEW_AUDIT_LOG,
            MANAGE_POINT_RULES, VIEW_DOCKING, CONFIGURE_NEED_CATEGORIES, VIEW_DELIBERATION,
            CONFIGURE_DELIBERATION, REVIEW_PLATFORM, VIEW_ASSESSMENT, VIEW_CASEWORK_FIGURES, CONFIGURE_CASEWORK)),
    SUB_DISTRICT_OFFICER(ScopeKind.SUB_DISTRICTS, EnumSet.of(VIEW_RESIDENTS, VIEW_DOCKING, VIEW_DELIBERATION, VIEW_ASSESSMENT,
            VIEW_CASEWORK_FIGURES)),
    PARTY_SECRETARY(ScopeKind.COMMUNITY, EnumSet.of(VIEW_RESIDENTS, EDIT_RESIDENTS, REVEAL_PERSONAL_DATA, EXPORT_RESIDENTS,
            MANAGE_VOLUNTEERING, VERIFY_HOURS, POST_WHISTLE, VIEW_DOCKING, REGISTER_NEEDS, HANDLE_NEEDS,
            MANAGE_OPPORTUNITIES, LOG_INSPECTIONS, MANAGE_TRAINING, VIEW_DELIBERATION, DELIBERATE, VETO_PROPOSALS,
            CONFIGURE_DELIBERATION, REVIEW_PLATFORM, VIEW_ASSESSMENT, VIEW_GRID_WORK, CONVENE_JOINT_MEETINGS,
            VIEW_CASEWORK_FIGURES, CONFIGURE_CASEWORK)),
    SOCIAL_WORKER(ScopeKind.COMMUNITY, EnumSet.of(VIEW_RESIDENTS, EDIT_RESIDENTS, REVEAL_PERSONAL_DATA, EXPORT_RESIDENTS,
            MANAGE_VOLUNTEERING, VERIFY_HOURS, VIEW_DOCKING, REGISTER_NEEDS, HANDLE_NEEDS, LOG_INSPECTIONS,
            MANAGE_TRAINING, VIEW_DELIBERATION, DELIBERATE, VIEW_GRID_WORK, RUN_CASEWORK, VIEW_CASEWORK_FIGURES)),
    COMMUNITY_CADRE(ScopeKind.COMMUNITY, EnumSet.of(VIEW_RESIDENTS, EDIT_RESIDENTS, REVEAL_PERSONAL_DATA, EXPORT_RESIDENTS,
            MANAGE_VOLUNTEERING, VIEW_DOCKING, REGISTER_NEEDS, HANDLE_NEEDS, LOG_INSPECTIONS, MANAGE_TRAINING,
            VIEW_DELIBERATION, DELIBERATE, VIEW_GRID_WORK, VIEW_CASEWORK_FIGURES)),
    GRID_WORKER(ScopeKind.GRID_CELLS, EnumSet.of(VIEW_RESIDENTS, REVEAL_PERSONAL_DATA, VIEW_DOCKING, REGISTER_NEEDS,
            LOG_GRID_WORK, VIEW_GRID_WORK, VIEW_CASEWORK_FIGURES)),
    RESIDENT(ScopeKind.SELF, EnumSet.of(SELF_SERVICE)),
    IT_OPERATOR(ScopeKind.CITY, EnumSet.of(OPERATE_JOBS));

    private final ScopeKind scopeKind;
    private final Set<Right> rights;

    Role(ScopeKind scopeKind, Set<Right> rights) {
        this.scopeKind = scopeKind;
        this.rights = rights;
    }

    /** The kind of scope an account of this role has. */
    public ScopeKind scopeKind() {
        return scopeKind;
    }

    public boolean has(Right right) {
        return rights.contains(right);
    }
}
