package org.wushe.volunteering.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A volunteer signed up for a shift (once per shift). */
@Entity
@Table(name = "shift_signup")
public class ShiftSignup {

    @Id
    @SequenceGenerator(name = "shift_signup_seq", sequenceName = "shift_signup_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shift_signup_seq")
    private Long id;

    @Column(name = "shift_id", nullable = false)
    private Long shiftId;

    @Column(name = "resident_id", nullable = false)
    private Long residentId;

    @Column(name = "signed_up_at", nullable = false)
    private Instant signedUpAt;

    @Version
    private int version;

    protected ShiftSignup() {
    }

    public ShiftSignup(Long shiftId, Long residentId, Instant now) {
        this.shiftId = shiftId;
        this.residentId = residentId;
        this.signedUpAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getShiftId() {
        return shiftId;
    }

    public Long getResidentId() {
        return residentId;
    }
}
