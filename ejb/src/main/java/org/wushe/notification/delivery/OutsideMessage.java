package org.wushe.notification.delivery;

import java.time.Instant;
import java.util.List;

/**
 * What an outside channel receives: the stable idempotency key (the delivery row's id, the same on
 * every attempt), the recipient (account, user name, display name), what happened as the message
 * key and its arguments (a channel maps the kind to its own template, as SMS platforms require),
 * the page of the record relative to the application, and when it happened.
 */
public record OutsideMessage(String idempotencyKey, String channel, Long recipientId, String recipient,
                             String recipientName, String kind, String messageKey, List<String> arguments,
                             String link, Instant createdAt) {
}
