package org.wushe.security.domain;

import static org.wushe.security.domain.Right.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of the platform (docs/architecture.md, "Roles and rights"), the rights each carries and
 * the scope kind each must have. Full view of personal data is for the roles that serve residents
 * in person; the bureau and sub-district oversee figures and see personal data masked only.
 */
public enum Role {
    /**
     * The bureau's system administrator: geography, settings, categories and rules, and the bureau's
     * oversight of figures. Neither accounts nor the audit log (三权分立).
     */
    SYSTEM_ADMIN(ScopeKind.CITY, EnumSet.of(VIEW_RESIDENTS, ADMINISTER_GEOGRAPHY,
            MANAGE_POINT_RULES, VIEW_DOCKING, CONFIGURE_NEED_CATEGORIES, VIEW_DELIBERATION,
            CONFIGURE_DELIBERATION, REVIEW_PLATFORM, VIEW_ASSESSMENT, VIEW_CASEWORK_FIGURES, CONFIGURE_CASEWORK,
            VIEW_FUND, CONFIGURE_FUND, VIEW_ORGANISATIONS, CONFIGURE_ORGANISATIONS)),
    /**
     * The security administrator: accounts, roles, scopes, supervisors, unlocking. No business data
     * and no audit log.
     */
    SECURITY_ADMIN(ScopeKind.CITY, EnumSet.of(ADMINISTER_ACCOUNTS)),
    /** The audit administrator: reads, verifies and exports the audit log; changes nothing. */
    AUDIT_ADMIN(ScopeKind.CITY, EnumSet.of(VIEW_AUDIT_LOG)),
    SUB_DISTRICT_OFFICER(ScopeKind.SUB_DISTRICTS, EnumSet.of(VIEW_RESIDENTS, VIEW_DOCKING, VIEW_DELIBERATION, VIEW_ASSESSMENT,
            VIEW_CASEWORK_FIGURES, VIEW_FUND, VIEW_ORGANISATIONS)),
    PARTY_SECRETARY(ScopeKind.COMMUNITY, EnumSet.of(VIEW_RESIDENTS, EDIT_RESIDENTS, REVEAL_PERSONAL_DATA, EXPORT_RESIDENTS,
            MANAGE_VOLUNTEERING, VERIFY_HOURS, POST_WHISTLE, VIEW_DOCKING, REGISTER_NEEDS, HANDLE_NEEDS,
            MANAGE_OPPORTUNITIES, LOG_INSPECTIONS, MANAGE_TRAINING, VIEW_DELIBERATION, DELIBERATE, VETO_PROPOSALS,
            CONFIGURE_DELIBERATION, REVIEW_PLATFORM, VIEW_ASSESSMENT, VIEW_GRID_WORK, CONVENE_JOINT_MEETINGS,
            VIEW_CASEWORK_FIGURES, CONFIGURE_CASEWORK, VIEW_FUND, MANAGE_FUND, APPROVE_EXPENDITURES, REVIEW_PROJECTS,
            VIEW_ORGANISATIONS, MANAGE_ORGANISATIONS)),
    SOCIAL_WORKER(ScopeKind.COMMUNITY, EnumSet.of(VIEW_RESIDENTS, EDIT_RESIDENTS, REVEAL_PERSONAL_DATA, EXPORT_RESIDENTS,
            MANAGE_VOLUNTEERING, VERIFY_HOURS, VIEW_DOCKING, REGISTER_NEEDS, HANDLE_NEEDS, LOG_INSPECTIONS,
            MANAGE_TRAINING, VIEW_DELIBERATION, DELIBERATE, VIEW_GRID_WORK, RUN_CASEWORK, VIEW_CASEWORK_FIGURES,
            VIEW_FUND, MANAGE_FUND, DESIGN_PROJECTS, VIEW_ORGANISATIONS, MANAGE_ORGANISATIONS)),
    COMMUNITY_CADRE(ScopeKind.COMMUNITY, EnumSet.of(VIEW_RESIDENTS, EDIT_RESIDENTS, REVEAL_PERSONAL_DATA, EXPORT_RESIDENTS,
            MANAGE_VOLUNTEERING, VIEW_DOCKING, REGISTER_NEEDS, HANDLE_NEEDS, LOG_INSPECTIONS, MANAGE_TRAINING,
            VIEW_DELIBERATION, DELIBERATE, VIEW_GRID_WORK, VIEW_CASEWORK_FIGURES, VIEW_FUND, MANAGE_FUND,
            APPROVE_EXPENDITURES, VIEW_ORGANISATIONS, MANAGE_ORGANISATIONS)),
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

    /**
     * Whether this is one of the three administrators (三权分立): they sign in with a second factor,
     * and creating such an account, giving this role, or changing the role, scope or state of such an
     * account needs a second security administrator.
     */
    public boolean isAdministrator() {
        return this == SYSTEM_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }
}
