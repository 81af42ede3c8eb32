package org.wushe.security.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * A change to an administrator account (三权分立: creating one, giving or taking an administrator
 * role, disabling, enabling, unlocking) that one security administrator requested and that takes
 * effect only when a different security administrator confirms it (four-eyes); it may be declined
 * with a reason instead. What is asked for is kept as codes, checked again when confirmed; a new
 * account's password only as its hash, which is cleared once the request is decided.
 */
@Entity
@Table(name = "admin_change_request")
public class AdminChangeRequest {

    /** What the request changes. */
    public enum Kind { CREATE, ROLE_SCOPE, DISABLE, ENABLE, UNLOCK }

    /** Where the request stands. */
    public enum Status { PENDING, CONFIRMED, DECLINED }

    @Id
    @SequenceGenerator(name = "admin_change_request_seq", sequenceName = "admin_change_request_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "admin_change_request_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind", nullable = false, length = 20)
    private Kind kind;

    /** The account changed; for a creation, set when it is confirmed. */
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "username", nullable = false, length = 50)
    private String username;

    @Column(name = "display_name", length = 100)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "new_role", length = 30)
    private Role newRole;

    @Column(name = "sub_district_codes", length = 1000)
    private String subDistrictCodes;

    @Column(name = "community_code", length = 30)
    private String communityCode;

    @Column(name = "grid_codes", length = 1000)
    private String gridCodes;

    @Column(name = "password_hash", length = 300)
    private String passwordHash;

    /** What changes from what to what, for the second administrator and the audit log. */
    @Column(name = "summary", nullable = false, length = 1000)
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private Status status = Status.PENDING;

    @Column(name = "requested_by", nullable = false, length = 50)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "decided_by", length = 50)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason", length = 500)
    private String decisionReason;

    @Version
    private int version;

    protected AdminChangeRequest() {
    }

    private AdminChangeRequest(Kind kind, Long accountId, String username, String summary, String requestedBy,
                               Instant now) {
        this.kind = kind;
        this.accountId = accountId;
        this.username = username;
        this.summary = summary.length() > 1000 ? summary.substring(0, 1000) : summary;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
    }

    /** A new administrator account: its name, role and the hash of its first password. */
    public static AdminChangeRequest create(String username, String displayName, Role role, String passwordHash,
                                            String summary, String requestedBy, Instant now) {
        AdminChangeRequest r = new AdminChangeRequest(Kind.CREATE, null, username, summary, requestedBy, now);
        r.displayName = displayName;
        r.newRole = role;
        r.passwordHash = passwordHash;
        return r;
    }

    /** Another role and scope for an account, given as codes. */
    public static AdminChangeRequest roleAndScope(Account target, Role role, Set<String> subDistrictCodes,
                                                  String communityCode, Set<String> gridCodes, String summary,
                                                  String requestedBy, Instant now) {
        AdminChangeRequest r = new AdminChangeRequest(Kind.ROLE_SCOPE, target.getId(), target.getUsername(), summary,
                requestedBy, now);
        r.newRole = role;
        r.subDistrictCodes = joined(subDistrictCodes);
        r.communityCode = communityCode;
        r.gridCodes = joined(gridCodes);
        return r;
    }

    /** Disabling, enabling or unlocking an account. */
    public static AdminChangeRequest state(Kind kind, Account target, String summary, String requestedBy, Instant now) {
        if (kind != Kind.DISABLE && kind != Kind.ENABLE && kind != Kind.UNLOCK) {
            throw new IllegalArgumentException(kind + " is no change of state");
        }
        return new AdminChangeRequest(kind, target.getId(), target.getUsername(), summary, requestedBy, now);
    }

    /**
     * Whether {@code decider} may decide: a pending request, decided by someone else than the
     * account it changes; only a different security administrator confirms, the requester may
     * only withdraw (decline) it.
     *
     * @throws ConflictException {@code account.adminChange.decided} when no longer pending
     * @throws NotPermittedException {@code account.adminChange.ownAccount} for the account changed,
     *         {@code account.adminChange.ownRequest} for the requester confirming
     */
    public void checkDecider(String decider, boolean confirming) {
        if (status != Status.PENDING) {
            throw new ConflictException("account.adminChange.decided", "Request " + id + " was decided", id);
        }
        if (decider.equals(username)) {
            throw new NotPermittedException("account.adminChange.ownAccount", "Nobody decides on their own account");
        }
        if (confirming && decider.equals(requestedBy)) {
            throw new NotPermittedException("account.adminChange.ownRequest",
                    "A second security administrator confirms");
        }
    }

    /** Confirmed by {@code decider}; {@link #checkDecider} first. */
    public void confirm(String decider, Long changedAccountId, Instant now) {
        checkDecider(decider, true);
        status = Status.CONFIRMED;
        decidedBy = decider;
        decidedAt = now;
        accountId = changedAccountId;
        passwordHash = null;
    }

    /** Declined (or, by its requester, withdrawn) with a reason. */
    public void decline(String decider, String reason, Instant now) {
        checkDecider(decider, false);
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("reason", "account.adminChange.reasonRequired");
        }
        if (reason.strip().length() > 500) {
            throw ValidationException.of("reason", "error.tooLong", 500);
        }
        status = Status.DECLINED;
        decidedBy = decider;
        decidedAt = now;
        decisionReason = reason.strip();
        passwordHash = null;
    }

    private static String joined(Set<String> codes) {
        return codes == null || codes.isEmpty() ? null : String.join(",", new TreeSet<>(codes));
    }

    private static Set<String> split(String codes) {
        return codes == null ? Set.of() : Arrays.stream(codes.split(",")).collect(Collectors.toSet());
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getNewRole() {
        return newRole;
    }

    public Set<String> getSubDistrictCodes() {
        return split(subDistrictCodes);
    }

    public String getCommunityCode() {
        return communityCode;
    }

    public Set<String> getGridCodes() {
        return split(gridCodes);
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getSummary() {
        return summary;
    }

    public Status getStatus() {
        return status;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionReason() {
        return decisionReason;
    }
}
