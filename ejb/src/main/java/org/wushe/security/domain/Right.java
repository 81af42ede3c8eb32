package org.wushe.security.domain;

/** What a role may do; each service method names the right it needs. */
public enum Right {
    /** See residents (masked) in the communities of one's scope. */
    VIEW_RESIDENTS,
    /** Register and change residents. */
    EDIT_RESIDENTS,
    /** See one resident's full personal data after stating a purpose (audited). */
    REVEAL_PERSONAL_DATA,
    /** Export resident lists (audited). */
    EXPORT_RESIDENTS,
    /** Create and change sub-districts, communities, grid cells. */
    ADMINISTER_GEOGRAPHY,
    /** Create accounts and set their scope. */
    ADMINISTER_ACCOUNTS,
    /** Read the audit log. */
    VIEW_AUDIT_LOG,
    /** Run and watch batch jobs and imports. */
    OPERATE_JOBS,
    /** Read the assessment dashboards (snapshots of the communities' monthly figures) of the scope. */
    VIEW_ASSESSMENT,
    /** Set up volunteer positions, shifts, certifications and the rewards catalogue. */
    MANAGE_VOLUNTEERING,
    /** Verify or reject volunteers' service hours. */
    VERIFY_HOURS,
    /** A resident's own self-service: sign up, record own hours, see own points, redeem. */
    SELF_SERVICE,
    /** Set the city's point rules. */
    MANAGE_POINT_RULES,
    /** Blow the whistle: post calls for Party members and confirm who came. */
    POST_WHISTLE,
    /** See the docking zone of one's communities: needs board, resource ledger, circle, inspections. */
    VIEW_DOCKING,
    /** Register a need heard on patrol, on a visit or at the counter. */
    REGISTER_NEEDS,
    /** Assess needs, keep the resource ledger, confirm matches, run actions, close needs, keep the service list. */
    HANDLE_NEEDS,
    /** Publish the opportunity list, choose among applicants, set the rotation rule (the Party organisation). */
    MANAGE_OPPORTUNITIES,
    /** Log the inspections the community receives. */
    LOG_INSPECTIONS,
    /** Keep the city's list of need categories. */
    CONFIGURE_NEED_CATEGORIES,
    /** Courses, sessions, attendance, assessments and residents' capacity levels of a community. */
    MANAGE_TRAINING,
    /** See the deliberation zone of one's communities: issue board, issues, meetings, votes, decisions, reviews. */
    VIEW_DELIBERATION,
    /** Raise and move issues along their workflow, keep representatives and meetings, record ballots. */
    DELIBERATE,
    /** Veto a cooperation proposal on a stated ground (the community's Party secretary only). */
    VETO_PROPOSALS,
    /** Set a community's vote rules (quorum, majority) and review interval. */
    CONFIGURE_DELIBERATION,
    /** Record self-examination reviews and their corrective actions. */
    REVIEW_PLATFORM,
    /** Log one's patrols, information collected, policy publicity and mediations; refer to a social worker (grid workers). */
    LOG_GRID_WORK,
    /** See the patrol log and the referrals of one's communities (or own grid cells). */
    VIEW_GRID_WORK,
    /** Accept or return referrals, join patrols, open and run cases (social workers). */
    RUN_CASEWORK,
    /** Convene joint meetings for stubborn cases, adopt and track their plans, own escalated referrals (the Party secretary). */
    CONVENE_JOINT_MEETINGS,
    /** See casework figures: counts of cases, the stubborn-case board's numbers, the coordination indices. */
    VIEW_CASEWORK_FIGURES,
    /** Set referral deadlines per risk level, the stubborn period and the departments a meeting may invite. */
    CONFIGURE_CASEWORK,
    /** See a community's micro-fund: balance, donations, ledger, projects, category shares. */
    VIEW_FUND,
    /** Record donations, allocations, expenditures and refunds; see resident donors by name. */
    MANAGE_FUND,
    /** Approve or reject expenditures above the four-eyes threshold (never one's own). */
    APPROVE_EXPENDITURES,
    /** Design projects against needs, move them along, report progress, evaluate them (social workers). */
    DESIGN_PROJECTS,
    /** Review and approve projects (the Party secretary). */
    REVIEW_PROJECTS,
    /** Keep the spending categories, their yearly limits and the four-eyes threshold (the bureau). */
    CONFIGURE_FUND,
    /** See a community's organisations, their tiers and checklists, and the tier overview of one's scope. */
    VIEW_ORGANISATIONS,
    /** Register organisations, keep their members, activities, funds and recognition, tick their checklist. */
    MANAGE_ORGANISATIONS,
    /** Set the city's tier thresholds and the support checklist of every tier (the bureau). */
    CONFIGURE_ORGANISATIONS
}
