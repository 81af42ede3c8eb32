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
    /** Set up volunteer positions, shifts, certifications and the rewards catalogue. */
    MANAGE_VOLUNTEERING,
    /** Verify or reject volunteers' service hours. */
    VERIFY_HOURS,
    /** A resident's own self-service: sign up, record own hours, see own points, redeem. */
    SELF_SERVICE,
    /** Set the city's point rules. */
    MANAGE_POINT_RULES,
    /** Blow the whistle: post calls for Party members and confirm who came. */
    POST_WHISTLE
}
