package org.wushe.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wushe.notification.delivery.NotificationChannel;
import org.wushe.notification.delivery.OutsideMessage;

/**
 * An outside gateway for the tests (channel {@value #NAME}) that honours the idempotency key: a key
 * it has accepted before is not sent again. It can refuse the next calls of a key, or accept the
 * next message of a key and then stop its caller dead (an {@link Error}, as a node that dies after the gateway
 * accepted and before the row was marked), so nothing after it in the caller runs.
 */
@ApplicationScoped
public class TestGateway implements NotificationChannel {

    public static final String NAME = "test-gateway";

    /** What the dying node leaves behind: nothing after this point of the dispatcher runs. */
    public static class NodeDied extends Error {
        NodeDied() {
            super("the node stopped after the gateway accepted the message");
        }
    }

    private static final Map<String, OutsideMessage> SENT = new ConcurrentHashMap<>();
    private static final List<String> CALLS = new CopyOnWriteArrayList<>();
    private static final List<String> MESSAGES = new CopyOnWriteArrayList<>();
    private static final Map<String, Integer> REFUSALS = new ConcurrentHashMap<>();
    private static final Set<String> DIE_AFTER = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(OutsideMessage m) throws Exception {
        CALLS.add(m.idempotencyKey());
        String key = m.idempotencyKey();
        if (REFUSALS.getOrDefault(key, 0) > 0) {
            REFUSALS.merge(key, -1, Integer::sum);
            throw new java.io.IOException("gateway unavailable");
        }
        if (SENT.putIfAbsent(key, m) == null) {
            MESSAGES.add(key);
        }
        if (DIE_AFTER.remove(key)) {
            throw new NodeDied();
        }
    }

    /** The messages sent (one per key, however often it came). */
    public static Map<String, OutsideMessage> sent() {
        return Map.copyOf(SENT);
    }

    /** How many messages the gateway sent on for the key. */
    public static long messages(String key) {
        return MESSAGES.stream().filter(key::equals).count();
    }

    /** How often the key was handed to the gateway. */
    public static long calls(String key) {
        return CALLS.stream().filter(key::equals).count();
    }

    /** Refuses the next {@code times} messages of that key. */
    public static void refuseNext(String key, int times) {
        REFUSALS.put(key, times);
    }

    /** Accepts the next message of that key and then stops its caller dead. */
    public static void dieAfterAccepting(String key) {
        DIE_AFTER.add(key);
    }

    public static void reset() {
        SENT.clear();
        CALLS.clear();
        MESSAGES.clear();
        REFUSALS.clear();
        DIE_AFTER.clear();
    }
}
