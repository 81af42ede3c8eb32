package org.wushe.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.wushe.notification.delivery.NotificationChannel;
import org.wushe.notification.delivery.OutsideMessage;

/**
 * An outside gateway for the tests (channel {@value #NAME}) that honours the idempotency key: a key
 * it has accepted before is not sent again. It can refuse the next calls, or accept the next
 * message and then stop its caller dead (an {@link Error}, as a node that dies after the gateway
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
    private static final AtomicInteger REFUSALS = new AtomicInteger();
    private static volatile boolean dieAfterAccepting;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(OutsideMessage m) throws Exception {
        CALLS.add(m.idempotencyKey());
        if (REFUSALS.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new java.io.IOException("gateway unavailable");
        }
        SENT.putIfAbsent(m.idempotencyKey(), m);
        if (dieAfterAccepting) {
            dieAfterAccepting = false;
            throw new NodeDied();
        }
    }

    /** The messages sent (one per key, however often it came). */
    public static Map<String, OutsideMessage> sent() {
        return Map.copyOf(SENT);
    }

    /** How often the key was handed to the gateway. */
    public static long calls(String key) {
        return CALLS.stream().filter(key::equals).count();
    }

    public static void refuseNext(int times) {
        REFUSALS.set(times);
    }

    public static void dieAfterAcceptingNext() {
        dieAfterAccepting = true;
    }

    public static void reset() {
        SENT.clear();
        CALLS.clear();
        REFUSALS.set(0);
        dieAfterAccepting = false;
    }
}
