package org.wushe.volunteering.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.wushe.shared.ValidationException;

/** One shift of a position: when it runs and how many volunteers it takes. */
@Entity
@Table(name = "volunteer_shift")
public class Shift {

    @Id
    @SequenceGenerator(name = "volunteer_shift_seq", sequenceName = "volunteer_shift_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "volunteer_shift_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "position_id", nullable = false)
    private VolunteerPosition position;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false)
    private int places;

    @Version
    private int version;

    protected Shift() {
    }

    public Shift(VolunteerPosition position, Instant startsAt, Instant endsAt, int places) {
        ValidationException.Collector errors = new ValidationException.Collector();
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            errors.add("endsAt", "shift.endBeforeStart");
        }
        if (places < 1) {
            errors.add("places", "shift.places.positive");
        }
        errors.throwIfAny();
        this.position = position;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.places = places;
    }

    public Long getId() {
        return id;
    }

    public VolunteerPosition getPosition() {
        return position;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public int getPlaces() {
        return places;
    }
}
