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

-- Delivery outside the workstation: one row per notification and channel (the bureau's SMS
-- platform, an e-mail gateway; by default the server log), written with the notification when
-- its recipient chose its kind. A timer claims due rows (PENDING, or SENDING whose claim has
-- expired after a crash) by a conditional update, sends them with the row id as the idempotency
-- key, and marks them DELIVERED, or PENDING again with a later next_attempt_at.
CREATE SEQUENCE notification_delivery_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE notification_delivery (
    id BIGINT NOT NULL,
    notification_id BIGINT NOT NULL,
    channel VARCHAR(50) NOT NULL,
    state VARCHAR(12) NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_at TIMESTAMP,
    claimed_by VARCHAR(100),
    delivered_at TIMESTAMP,
    last_error VARCHAR(500),
    CONSTRAINT pk_notification_delivery PRIMARY KEY (id),
    CONSTRAINT fk_notification_delivery_notification FOREIGN KEY (notification_id) REFERENCES notification (id),
    CONSTRAINT uq_notification_delivery UNIQUE (notification_id, channel),
    CONSTRAINT ck_notification_delivery_state CHECK (state IN ('PENDING', 'SENDING', 'DELIVERED')),
    CONSTRAINT ck_notification_delivery_attempts CHECK (attempts >= 0)
);
CREATE INDEX ix_notification_delivery_due ON notification_delivery (state, next_attempt_at);

-- The kinds an account also receives outside the workstation (none until the user chooses).
CREATE TABLE notification_outside (
    account_id BIGINT NOT NULL,
    kind VARCHAR(30) NOT NULL,
    CONSTRAINT pk_notification_outside PRIMARY KEY (account_id, kind),
    CONSTRAINT fk_notification_outside_account FOREIGN KEY (account_id) REFERENCES account (id)
);
