package org.wushe.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One notification on its way through one outside channel. Created PENDING with the notification;
 * the dispatcher moves it by conditional updates only (claim: SENDING; sent: DELIVERED; failed:
 * PENDING again, later), so two nodes never hold the same row at once.
 */
@Entity
@Table(name = "notification_delivery")
public class NotificationDelivery {

    public enum State { PENDING, SENDING, DELIVERED }

    @Id
    @SequenceGenerator(name = "notification_delivery_seq", sequenceName = "notification_delivery_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_delivery_seq")
    private Long id;

    @Column(name = "notification_id", nullable = false)
    private Long notificationId;

    @Column(nullable = false, length = 50)
    private String channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "claimed_by", length = 200)
    private String claimedBy;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected NotificationDelivery() {
    }

    public NotificationDelivery(Long notificationId, String channel, Instant due) {
        this.notificationId = notificationId;
        this.channel = channel;
        this.state = State.PENDING;
        this.nextAttemptAt = due;
    }

    public Long getId() { return id; }
    public Long getNotificationId() { return notificationId; }
    public String getChannel() { return channel; }
    public State getState() { return state; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Instant getClaimedAt() { return claimedAt; }
    public String getClaimedBy() { return claimedBy; }
    public Instant getDeliveredAt() { return deliveredAt; }
    public String getLastError() { return lastError; }
}
