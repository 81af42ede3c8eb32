package org.wushe.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One of the bureau's point rules: {@code HOUR.<position type>} (points per verified hour, with
 * {@code HOUR.DEFAULT} for types without their own), {@code TRAINING_PRACTISED},
 * {@code DELIBERATION_ATTENDANCE}, {@code PARTY_SERVICE}, {@code EXPIRY_MONTHS} and
 * {@code SECOND_APPROVAL_MINUTES} (records longer than this in a day need a second approver).
 */
@Entity
@Table(name = "point_rule")
public class PointRule {

    public static final String HOUR_PREFIX = "HOUR.";
    public static final String HOUR_DEFAULT = "HOUR.DEFAULT";
    public static final String EXPIRY_MONTHS = "EXPIRY_MONTHS";
    public static final String TRAINING_PRACTISED = "TRAINING_PRACTISED";
    public static final String SECOND_APPROVAL_MINUTES = "SECOND_APPROVAL_MINUTES";

    @Id
    @Column(name = "rule_code", length = 40)
    private String code;

    @Column(nullable = false)
    private long points;

    @Version
    private int version;

    protected PointRule() {
    }

    public PointRule(String code, long points) {
        this.code = code;
        change(points);
    }

    public void change(long newPoints) {
        if (newPoints < 0) {
            throw org.wushe.shared.ValidationException.of("points", "points.rule.negative");
        }
        this.points = newPoints;
    }

    public String getCode() {
        return code;
    }

    public long getPoints() {
        return points;
    }
}
