package org.wushe.fund.domain;

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
import org.wushe.shared.ConflictException;

/**
 * A ledger account of a community's fund. CASH, RESTRICTED, BUDGET and EXPENSE grow with debits,
 * DONATIONS with credits. The accounts that hold money never go below zero: that single guard is
 * what stops overspending a budget, allocating money the fund does not have and refunding spent
 * money. The balance is kept here so the row can be locked; the entries remain the truth.
 */
@Entity
@Table(name = "fund_account")
public class FundAccount {

    @Id
    @SequenceGenerator(name = "fund_account_seq", sequenceName = "fund_account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fund_account_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private AccountKind kind;

    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "category_code", length = 30)
    private String categoryCode;

    @Column(name = "account_key", nullable = false, length = 80)
    private String key;

    @Column(name = "balance_fen", nullable = false)
    private long balanceFen;

    @Version
    private int version;

    protected FundAccount() {
    }

    public FundAccount(Long communityId, AccountKind kind, Long projectId, String categoryCode) {
        this.communityId = communityId;
        this.kind = kind;
        this.projectId = projectId;
        this.categoryCode = categoryCode;
        this.key = key(kind, projectId, categoryCode);
    }

    /** The account's key within its community, e.g. {@code BUDGET:P123:ELDER_CARE}. */
    public static String key(AccountKind kind, Long projectId, String categoryCode) {
        return kind.name() + (projectId == null ? "" : ":P" + projectId) + (categoryCode == null ? "" : ":" + categoryCode);
    }

    public static boolean debitNormal(AccountKind kind) {
        return kind != AccountKind.DONATIONS;
    }

    /** Whether the account is part of the fund's balance (cash, restricted funds, project budgets). */
    public static boolean holdsMoney(AccountKind kind) {
        return kind == AccountKind.CASH || kind == AccountKind.RESTRICTED || kind == AccountKind.BUDGET;
    }

    /**
     * Applies one entry to the balance.
     *
     * @throws ConflictException {@code fund.insufficient} when a money-holding account would go below zero
     */
    public void apply(char side, long amountFen) {
        long delta = (side == 'D') == debitNormal(kind) ? amountFen : -amountFen;
        long after = Math.addExact(balanceFen, delta);
        if (after < 0 && kind != AccountKind.EXPENSE) {
            throw new ConflictException("fund.insufficient", "Account " + key + " holds " + balanceFen + " fen, "
                    + "short by " + (-after), Money.format(balanceFen), Money.format(amountFen));
        }
        balanceFen = after;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public AccountKind getKind() { return kind; }
    public Long getProjectId() { return projectId; }
    public String getCategoryCode() { return categoryCode; }
    public String getKey() { return key; }
    public long getBalanceFen() { return balanceFen; }
}
