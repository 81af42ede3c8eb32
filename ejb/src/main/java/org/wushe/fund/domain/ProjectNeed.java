package org.wushe.fund.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A diagnosed need (docking) a project answers, and whether its evaluation found the need closed. */
@Entity
@Table(name = "fund_project_need")
@IdClass(ProjectNeed.Key.class)
public class ProjectNeed {

    /** The composite key. */
    public static class Key implements Serializable {
        private Long projectId;
        private Long needId;

        public Key() {
        }

        public Key(Long projectId, Long needId) {
            this.projectId = projectId;
            this.needId = needId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(projectId, k.projectId) && Objects.equals(needId, k.needId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, needId);
        }
    }

    @Id
    @Column(name = "project_id")
    private Long projectId;

    @Id
    @Column(name = "need_id")
    private Long needId;

    @Column(nullable = false)
    private boolean closed;

    protected ProjectNeed() {
    }

    public ProjectNeed(Long projectId, Long needId) {
        this.projectId = projectId;
        this.needId = needId;
    }

    public void markClosed(boolean closed) {
        this.closed = closed;
    }

    public Long getProjectId() { return projectId; }
    public Long getNeedId() { return needId; }
    public boolean isClosed() { return closed; }
}
