package org.wushe.security.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.SubDistrict;
import org.wushe.shared.ValidationException;

/**
 * A staff or resident account: its role, its scope and its sign-in state. The password is kept
 * only as a PBKDF2 hash. Five failed sign-ins in a row lock the account for fifteen minutes, but
 * not against the addresses the account last signed in from successfully ({@link #refusesFrom}),
 * so that strangers guessing elsewhere cannot keep the owner out.
 */
@Entity
@Table(name = "account")
public class Account {

    /** Failed sign-ins in a row that lock an account. */
    public static final int MAX_FAILED_SIGN_INS = SignInLock.MAX_FAILED_SIGN_INS;
    /** How long a locked account stays locked. */
    public static final Duration LOCK_DURATION = SignInLock.LOCK_DURATION;
    /** How many of the latest addresses of successful sign-ins an account remembers. */
    public static final int KNOWN_ADDRESSES = 5;
    /**
     * How old the time of a known address may get before a sign-in from it writes the time again
     * (the API signs in on every request; this keeps most of them from writing).
     */
    static final Duration KNOWN_ADDRESS_REFRESH = Duration.ofHours(1);

    @Id
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 50)
    private String username;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_role", nullable = false, length = 30)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "community_id")
    private Community community;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "account_sub_district", joinColumns = @JoinColumn(name = "account_id"),
            inverseJoinColumns = @JoinColumn(name = "sub_district_id"))
    private Set<SubDistrict> subDistricts = new HashSet<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "account_grid_cell", joinColumns = @JoinColumn(name = "account_id"),
            inverseJoinColumns = @JoinColumn(name = "grid_cell_id"))
    private Set<GridCell> gridCells = new HashSet<>();

    /**
     * The supervising social worker of a social worker (casework visibility): only an account that
     * {@link #supervises} this one ({@link #assignSupervisor}).
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supervisor_id")
    private Account supervisor;

    /** Whether this social worker is marked as supervising others (set by the security administrator). */
    @Column(nullable = false)
    private boolean supervising;

    /** The sub-districts whose social workers a supervising social worker may supervise. */
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "account_supervision_sub_district", joinColumns = @JoinColumn(name = "account_id"),
            inverseJoinColumns = @JoinColumn(name = "sub_district_id"))
    private Set<SubDistrict> supervisionSubDistricts = new HashSet<>();

    /** The resident record of a resident or volunteer account. */
    @Column(name = "resident_id")
    private Long residentId;

    @Embedded
    private SignInLock lock = new SignInLock();

    @Column(nullable = false)
    private boolean enabled = true;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "account_sign_in_address", joinColumns = @JoinColumn(name = "account_id"))
    private List<KnownAddress> knownAddresses = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private AccountPassword password;

    @Version
    private int version;

    protected Account() {
    }

    private Account(String username, String passwordHash, String displayName, Role role, Instant now) {
        if (username == null || !username.matches("[a-z][a-z0-9._-]{2,49}")) {
            throw ValidationException.of("username", "account.username.format");
        }
        this.username = username;
        this.password = new AccountPassword(passwordHash, now);
        this.displayName = checkedDisplayName(displayName);
        this.role = role;
        this.createdAt = now;
    }

    /** An account whose scope is the whole city (the three administrators, IT operator). */
    public static Account cityWide(String username, String hash, String displayName, Role role, Instant now) {
        requireKind(role, ScopeKind.CITY);
        return withScope(username, hash, displayName, AccountScope.of(role, Set.of(), null, Set.of()), now);
    }

    /** A sub-district officer's account over one or more sub-districts. */
    public static Account overSubDistricts(String username, String hash, String displayName, Role role,
                                           Set<SubDistrict> subDistricts, Instant now) {
        requireKind(role, ScopeKind.SUB_DISTRICTS);
        return withScope(username, hash, displayName, AccountScope.of(role, subDistricts, null, Set.of()), now);
    }

    /** A community staff account (Party secretary, social worker, cadre). */
    public static Account inCommunity(String username, String hash, String displayName, Role role,
                                      Community community, Instant now) {
        requireKind(role, ScopeKind.COMMUNITY);
        return withScope(username, hash, displayName, AccountScope.of(role, Set.of(), community, Set.of()), now);
    }

    /** A grid worker's account over grid cells that must all belong to one community. */
    public static Account overGridCells(String username, String hash, String displayName, Role role,
                                        Set<GridCell> cells, Instant now) {
        requireKind(role, ScopeKind.GRID_CELLS);
        return withScope(username, hash, displayName, AccountScope.of(role, Set.of(), null, cells), now);
    }

    /** An account of the given role and scope, checked by {@link AccountScope#of}. */
    public static Account withScope(String username, String hash, String displayName, AccountScope scope, Instant now) {
        Account a = new Account(username, hash, displayName, scope.role(), now);
        a.place(scope);
        return a;
    }

    /** A resident's self-service account, tied to their resident record. */
    public static Account forResident(String username, String hash, String displayName, Community community,
                                      Long residentId, Instant now) {
        Account a = new Account(username, hash, displayName, Role.RESIDENT, now);
        a.community = community;
        a.residentId = residentId;
        return a;
    }

    private static void requireKind(Role role, ScopeKind kind) {
        if (role.scopeKind() != kind) {
            throw ValidationException.of("role", "account.role.scopeMismatch", role.name(), kind.name());
        }
    }

    /** Whether the account is locked at {@code now} because of earlier failures. */
    public boolean isLockedAt(Instant now) {
        return lock.isLockedAt(now);
    }

    /**
     * Whether a lock refuses a sign-in from {@code address} at {@code now}: the account is locked
     * and has not signed in successfully from that address before. From a known address the
     * password decides even while the account is locked; only the throttle of that address
     * (bounded by its window) can refuse it there.
     */
    public boolean refusesFrom(String address, Instant now) {
        return isLockedAt(now) && !knows(address);
    }

    /** Whether the account signed in successfully from {@code address} (one of its latest few). */
    public boolean knows(String address) {
        return knownAddresses.stream().anyMatch(k -> k.address().equals(address));
    }

    /**
     * Records a failed sign-in; the fifth in a row locks the account until {@code now + 15 min}.
     * Failures while the account is locked are not counted: the lock ends fifteen minutes after the
     * failure that caused it, whatever happens meanwhile.
     *
     * @return true when this failure locked the account
     */
    public boolean recordFailedSignIn(Instant now) {
        return lock.recordFailure(now);
    }

    /**
     * A successful sign-in from {@code address}: clears the failure count, remembers the address
     * (the latest {@value #KNOWN_ADDRESSES}) and ends a lock that has run out. A running lock stays:
     * it could only have been passed from a known address, and still holds against the others.
     */
    public void recordSuccessfulSignIn(String address, Instant now) {
        lock.recordSuccess(now);
        KnownAddress.remember(knownAddresses, address, now, KNOWN_ADDRESSES, KNOWN_ADDRESS_REFRESH);
    }

    /** The addresses of the latest successful sign-ins, most recent first. */
    public List<String> getKnownAddresses() {
        return knownAddresses.stream().sorted(Comparator.comparing(KnownAddress::lastSignedInAt).reversed())
                .map(KnownAddress::address).toList();
    }

    /**
     * Stores a new hash of the same password (a stronger cost after a successful sign-in); neither
     * the time it was set nor the duty to change it move.
     */
    public void changePasswordHash(String newHash) {
        password.rehash(newHash);
    }

    /**
     * A new password set at {@code now}: by its owner ({@code setByOther} false, which ends a forced
     * change) or by someone else (staff opening a resident's account, the security administrator
     * creating or resetting one), which forces its owner to change it at the next sign-in.
     */
    public void setPassword(String newHash, boolean setByOther, Instant now) {
        password.set(newHash, setByOther, now);
    }

    /**
     * Ends every page session signed in before {@code now} (at its next request): a new password,
     * another role or scope, a disabled account. The session of an owner who changed their own
     * password is renewed by the page that changed it.
     */
    public void endSessions(Instant now) {
        password.endSessions(now);
    }

    /**
     * Marks the current password as chosen by someone else at {@code now}: its owner must change it
     * at the next sign-in. Every path that creates an account with a password typed by another
     * person calls it.
     */
    public void passwordSetByOther(Instant now) {
        password.setByOther(now);
    }

    /** Whether the owner must change the password now: set by someone else, reset, or expired under the policy. */
    public boolean mustChangePassword(PasswordPolicy policy, Instant now) {
        return password.mustChangeAt(policy, now, createdAt);
    }

    public boolean isPasswordMustChange() {
        return password.mustChange();
    }

    public Instant getPasswordChangedAt() {
        return password.changedAt();
    }

    /** Links a staff account to the person's own resident record (for the independence rules). */
    public void linkResident(Long residentId) {
        this.residentId = residentId;
    }

    private static String checkedDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw ValidationException.of("displayName", "account.displayName.required");
        }
        if (displayName.strip().length() > 100) {
            throw ValidationException.of("displayName", "error.tooLong", 100);
        }
        return displayName.strip();
    }

    /** The role and scope the account has now. */
    public AccountScope scope() {
        return new AccountScope(role, subDistricts, community, gridCells);
    }

    /**
     * Gives a staff account another role and scope. A resident's self-service account keeps its
     * role. An account that is no social worker any more stops supervising; a supervisor who does
     * not {@link #supervises supervise} the account in its new place is removed.
     */
    public void rescope(AccountScope scope) {
        if (role == Role.RESIDENT) {
            throw ValidationException.of("role", "account.role.residentFixed");
        }
        place(scope);
        if (role != Role.SOCIAL_WORKER) {
            stopSupervising();
        }
        if (supervisor != null && !supervisor.supervises(this)) {
            supervisor = null;
        }
    }

    private void place(AccountScope scope) {
        role = scope.role();
        community = scope.community();
        subDistricts.clear();
        subDistricts.addAll(scope.subDistricts());
        gridCells.clear();
        gridCells.addAll(scope.gridCells());
    }

    public void rename(String newDisplayName) {
        this.displayName = checkedDisplayName(newDisplayName);
    }

    /** Marks a social worker as supervising the social workers of the given sub-districts ({@link Supervision#checkMarking}). */
    public void markSupervising(Set<SubDistrict> within) {
        Supervision.checkMarking(this, within);
        supervising = true;
        supervisionSubDistricts.clear();
        supervisionSubDistricts.addAll(within);
    }

    /** Ends supervising; the service removes this account as the supervisor of others. */
    public void stopSupervising() {
        supervising = false;
        supervisionSubDistricts.clear();
    }

    /**
     * Whether this account may supervise {@code worker} (and so read their case files); see
     * {@link Supervision#covers}.
     */
    public boolean supervises(Account worker) {
        return Supervision.covers(this, worker);
    }

    /**
     * Sets (or, with null, removes) the supervisor of a social worker: only an account that
     * {@link #supervises} this one ({@link Supervision#check} says why not otherwise).
     */
    public void assignSupervisor(Account newSupervisor) {
        if (newSupervisor != null) {
            Supervision.check(newSupervisor, this);
        }
        this.supervisor = newSupervisor;
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    /**
     * Ends a lock at once and clears the failure count (the security administrator's unlock).
     *
     * @return whether the account was locked at {@code now}
     */
    public boolean unlock(Instant now) {
        return lock.unlock(now);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return password.hash();
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public Community getCommunity() {
        return community;
    }

    public Set<SubDistrict> getSubDistricts() {
        return Set.copyOf(subDistricts);
    }

    public Set<GridCell> getGridCells() {
        return Set.copyOf(gridCells);
    }

    public Account getSupervisor() {
        return supervisor;
    }

    public boolean isSupervising() {
        return supervising;
    }

    public Set<SubDistrict> getSupervisionSubDistricts() {
        return Set.copyOf(supervisionSubDistricts);
    }

    public Long getResidentId() {
        return residentId;
    }

    public int getFailedSignIns() {
        return lock.failedSignIns();
    }

    public Instant getLockedUntil() {
        return lock.lockedUntil();
    }

    public boolean isEnabled() {
        return enabled;
    }
}
