-- Notifications (the in-app outbox): one row per recipient account and event, written in the
-- transaction of the event, so a rolled-back action notifies no one. What happened is a message
-- key with its arguments (separated by U+001F), the record it is about and the page that shows it.
-- read_at NULL: unread.
CREATE SEQUENCE notification_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE notification (
    id BIGINT NOT NULL,
    recipient_id BIGINT NOT NULL,
    community_id BIGINT,
    kind VARCHAR(30) NOT NULL,
    message_key VARCHAR(100) NOT NULL,
    arguments VARCHAR(2000),
    record_type VARCHAR(30) NOT NULL,
    record_id BIGINT NOT NULL,
    link VARCHAR(300) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP,
    CONSTRAINT pk_notification PRIMARY KEY (id),
    CONSTRAINT fk_notification_recipient FOREIGN KEY (recipient_id) REFERENCES account (id),
    CONSTRAINT fk_notification_community FOREIGN KEY (community_id) REFERENCES community (id)
);
CREATE INDEX ix_notification_recipient ON notification (recipient_id, created_at);
CREATE INDEX ix_notification_unread ON notification (recipient_id, read_at);
