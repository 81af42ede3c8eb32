package org.wushe.fund.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.wushe.shared.ConflictException;

/** One side of a ledger transaction: an account, debit or credit, a positive amount. Never changed nor deleted. */
@Entity
@Table(name = "fund_entry")
public class FundEntry {

    @Id
    @SequenceGenerator(name = "fund_entry_seq", sequenceName = "fund_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fund_entry_seq")
    private Long id;

    @Column(name = "transaction_id")
    private Long transactionId;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false, length = 1)
    private String side;

    @Column(name = "amount_fen", nullable = false)
    private long amountFen;

    protected FundEntry() {
    }

    public FundEntry(Long transactionId, Long accountId, char side, long amountFen) {
        this.transactionId = transactionId;
        this.accountId = accountId;
        this.side = String.valueOf(side);
        this.amountFen = amountFen;
    }

    @PreUpdate
    @PreRemove
    void refuseChange() {
        throw new ConflictException("fund.immutable", "Ledger entries are never changed: book a reversal");
    }

    public Long getId() { return id; }
    public Long getTransactionId() { return transactionId; }
    public Long getAccountId() { return accountId; }
    public char getSide() { return side.charAt(0); }
    public long getAmountFen() { return amountFen; }
}
