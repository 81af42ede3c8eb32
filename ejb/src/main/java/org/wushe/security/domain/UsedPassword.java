package org.wushe.security.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A previous password of an account, as its PBKDF2 hash: the history that may not come back. */
@Entity
@Table(name = "password_history")
public class UsedPassword {

    @Id
    @SequenceGenerator(name = "password_history_seq", sequenceName = "password_history_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "password_history_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "password_hash", nullable = false, length = 300)
    private String passwordHash;

    @Column(name = "replaced_at", nullable = false)
    private Instant replacedAt;

    protected UsedPassword() {
    }

    public UsedPassword(Long accountId, String passwordHash, Instant replacedAt) {
        this.accountId = accountId;
        this.passwordHash = passwordHash;
        this.replacedAt = replacedAt;
    }

    public Long getId() {
        return id;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getReplacedAt() {
        return replacedAt;
    }
}
