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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing that happened to one account: what (a message key with its arguments), the record it is
 * about with the page that shows it, when, and whether the recipient has read it. Only the read
 * time ever changes.
 */
@Entity
@Table(name = "notification")
public class Notification {

    /** Separates the arguments in their column (a character no form accepts). */
    public static final String SEPARATOR = "\u001F";
    static final int ARGUMENTS_LENGTH = 2000;

    @Id
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    private Long id;

    @Column(name = "recipient_id", nullable = false)
    private Long recipientId;

    @Column(name = "community_id")
    private Long communityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private NotificationKind kind;

    @Column(name = "message_key", nullable = false, length = 100)
    private String messageKey;

    @Column(length = ARGUMENTS_LENGTH)
    private String arguments;

    @Column(name = "record_type", nullable = false, length = 30)
    private String recordType;

    @Column(name = "record_id", nullable = false)
    private Long recordId;

    @Column(nullable = false, length = 300)
    private String link;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    public Notification(Long recipientId, Long communityId, NotificationKind kind, String recordType, Long recordId,
                        String link, Instant createdAt, Object... arguments) {
        this.recipientId = recipientId;
        this.communityId = communityId;
        this.kind = kind;
        this.messageKey = messageKey(kind);
        this.recordType = recordType;
        this.recordId = recordId;
        this.link = link;
        this.createdAt = createdAt;
        this.arguments = join(arguments);
    }

    /** The message key of a kind: what happened, with the arguments, in the reader's language. */
    public static String messageKey(NotificationKind kind) {
        return "notification.kind." + kind.name();
    }

    /** The arguments as their column holds them ({@code null} for none). */
    public static String join(Object... arguments) {
        if (arguments == null || arguments.length == 0) {
            return null;
        }
        String joined = Arrays.stream(arguments).map(a -> a == null ? "" : a.toString().replace(SEPARATOR, " "))
                .collect(Collectors.joining(SEPARATOR));
        return joined.length() > ARGUMENTS_LENGTH ? joined.substring(0, ARGUMENTS_LENGTH - 1) + "…" : joined;
    }

    /** Marks it read (the first time only). */
    public void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public List<String> argumentList() {
        return arguments == null ? List.of() : List.of(arguments.split(SEPARATOR, -1));
    }

    public Long getId() { return id; }
    public Long getRecipientId() { return recipientId; }
    public Long getCommunityId() { return communityId; }
    public NotificationKind getKind() { return kind; }
    public String getMessageKey() { return messageKey; }
    public String getRecordType() { return recordType; }
    public Long getRecordId() { return recordId; }
    public String getLink() { return link; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getReadAt() { return readAt; }
}
