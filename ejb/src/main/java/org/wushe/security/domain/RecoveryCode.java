package org.wushe.security.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recovery code of an administrator's second factor, kept as its SHA-256 only, used once. */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode {

    @Id
    @SequenceGenerator(name = "recovery_code_seq", sequenceName = "recovery_code_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recovery_code_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
    }

    public RecoveryCode(Long accountId, String codeHash) {
        this.accountId = accountId;
        this.codeHash = codeHash;
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public void use(Instant now) {
        this.usedAt = now;
    }

    public String getCodeHash() {
        return codeHash;
    }
}
