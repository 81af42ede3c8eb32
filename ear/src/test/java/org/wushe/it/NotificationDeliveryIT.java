package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import jakarta.inject.Inject;
import org.wushe.casework.application.ReferralService;
import org.wushe.casework.application.ReferralService.ReferralForm;
import org.wushe.casework.application.ReferralService.ReferralView;
import org.wushe.community.application.ResidentView;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.NotificationProbe;
import org.wushe.it.support.TestClock;
import org.wushe.it.support.TestGateway;
import org.wushe.notification.application.Notifications;
import org.wushe.notification.delivery.Channels;
import org.wushe.notification.delivery.DeliveryClaims;
import org.wushe.notification.delivery.DeliveryDispatcher;
import org.wushe.security.domain.Role;
import org.wushe.shared.ValidationException;

/**
 * Delivery outside the workstation: rows only for the kinds a user chose, one per channel; a
 * gateway that refuses is tried again with growing waits until it accepts; a node that dies after
 * the gateway accepted and before the row was marked loses nothing and sends nothing twice (the
 * row is claimed again after its lease and sent with the same key, which the gateway honours);
 * a row being sent is not claimed by a second node.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationDeliveryIT {

    @Inject
    Fixtures fixtures;

    @EJB
    Notifications notifications;

    @EJB
    NotificationProbe probe;

    @EJB
    ReferralService referrals;

    @EJB
    DeliveryDispatcher dispatcher;

    @EJB
    DeliveryClaims claims;

    private String social;
    private String otherSocial;
    private String gridWorker;
    private ResidentView resident;

    @BeforeEach
    void town() {
        TestClock.reset();
        TestGateway.reset();
        // This test drives the dispatcher itself; the timer of this node stays out of its way.
        System.setProperty(DeliveryDispatcher.ENABLED, "off");
        System.setProperty(Channels.CHANNELS, "log," + TestGateway.NAME);
        Town town = fixtures.town("A");
        social = fixtures.staff(town, "social", Role.SOCIAL_WORKER, "A");
        otherSocial = fixtures.staff(town, "other", Role.SOCIAL_WORKER, "A");
        gridWorker = fixtures.gridWorker(town, "grid", Set.of(town.grid("A", 1)));
        resident = fixtures.resident(social, "李独居", town.community("A"), town.grid("A", 1));
        runAs(social, () -> notifications.chooseOutsideKinds(List.of("REFERRAL_ASSIGNED", "HOURS_REJECTED")));
    }

    @AfterEach
    void putBack() {
        System.clearProperty(DeliveryDispatcher.ENABLED);
        System.clearProperty(Channels.CHANNELS);
        TestClock.reset();
        TestGateway.reset();
    }

    private ReferralView referTo(String worker) {
        return runAs(gridWorker, () -> referrals.refer(new ReferralForm(resident.id(), worker, "MEDIUM",
                "独居老人多日未出门", null, null)));
    }

    @Test
    void rows_areWrittenOnlyForTheChosenKinds_onePerChannel_andAnUnknownKindIsRefused() {
        assertEquals(Set.of("REFERRAL_ASSIGNED", "HOURS_REJECTED"), runAs(social, () -> notifications.outsideKinds()));
        ReferralView chosen = referTo(social);
        ReferralView notChosen = referTo(otherSocial);
        assertEquals(List.of("log:PENDING:0", TestGateway.NAME + ":PENDING:0"), probe.deliveries("referral", chosen.id()));
        assertEquals(List.of(), probe.deliveries("referral", notChosen.id()), "in-app only for who did not choose");
        ValidationException e = assertThrows(ValidationException.class,
                () -> runAs(social, () -> notifications.chooseOutsideKinds(List.of("REFERRAL_ASSIGNED", "GOSSIP"))));
        assertEquals("notification.outside.unknown", e.errors().get(0).key());
        assertEquals(Set.of("REFERRAL_ASSIGNED", "HOURS_REJECTED"), runAs(social, () -> notifications.outsideKinds()),
                "a refused choice changes nothing");
        dispatcher.runOnce();
        assertEquals(List.of("log:DELIVERED:1", TestGateway.NAME + ":DELIVERED:1"), probe.deliveries("referral", chosen.id()));
        runAs(social, () -> notifications.chooseOutsideKinds(List.of()));
        assertEquals(Set.of(), runAs(social, () -> notifications.outsideKinds()));
        assertEquals(List.of(), probe.deliveries("referral", referTo(social).id()), "after unticking: in-app only");
    }

    @Test
    void aRefusingGateway_isTriedAgainWithGrowingWaits_untilItAccepts() {
        ReferralView r = referTo(social);
        String key = String.valueOf(probe.deliveryId("referral", r.id(), TestGateway.NAME));
        TestGateway.refuseNext(key, 2);
        dispatcher.runOnce();
        assertEquals(List.of("log:DELIVERED:1", TestGateway.NAME + ":PENDING:1"), probe.deliveries("referral", r.id()));
        dispatcher.runOnce();
        assertEquals(1, TestGateway.calls(key), "not before its next attempt is due");
        TestClock.advance(DeliveryClaims.backoff(1).plusSeconds(1));
        dispatcher.runOnce();
        assertEquals(List.of("log:DELIVERED:1", TestGateway.NAME + ":PENDING:2"), probe.deliveries("referral", r.id()));
        TestClock.advance(DeliveryClaims.backoff(1).plusSeconds(1));
        dispatcher.runOnce();
        assertEquals(2, TestGateway.calls(key), "the second wait is longer than the first");
        TestClock.advance(DeliveryClaims.backoff(2));
        dispatcher.runOnce();
        assertEquals(List.of("log:DELIVERED:1", TestGateway.NAME + ":DELIVERED:3"), probe.deliveries("referral", r.id()));
        assertEquals(3, TestGateway.calls(key));
        assertTrue(TestGateway.sent().containsKey(key));
        dispatcher.runOnce();
        assertEquals(3, TestGateway.calls(key), "a delivered row is never sent again");
    }

    @Test
    void aNodeThatDiesAfterTheGatewayAccepted_losesNothing_andSendsNothingTwice() {
        ReferralView r = referTo(social);
        String key = String.valueOf(probe.deliveryId("referral", r.id(), TestGateway.NAME));
        TestGateway.dieAfterAccepting(key);
        EJBException died = assertThrows(EJBException.class, () -> dispatcher.runOnce());
        assertTrue(String.valueOf(died.getCause()).contains("node stopped") || died.toString().contains("node stopped"),
                String.valueOf(died));
        assertEquals(List.of("log:DELIVERED:1", TestGateway.NAME + ":SENDING:1"), probe.deliveries("referral", r.id()),
                "claimed and accepted, never marked");
        assertTrue(TestGateway.sent().containsKey(key), "the gateway accepted it");

        // Another node (or this one after its restart) does not take a row whose claim still runs.
        assertEquals(List.of(), claims.claim("node-2", 100, Duration.ofSeconds(300)));
        dispatcher.runOnce();
        assertEquals(1, TestGateway.calls(key));

        // Once the claim is older than the lease the row is sent again with the same key.
        TestClock.advance(Duration.ofSeconds(301));
        dispatcher.runOnce();
        assertEquals(List.of("log:DELIVERED:1", TestGateway.NAME + ":DELIVERED:2"), probe.deliveries("referral", r.id()));
        assertEquals(2, TestGateway.calls(key), "handed over twice, with the same key");
        assertEquals(1, TestGateway.messages(key), "one message: the same key, which the gateway honours");
        assertEquals(r.id().toString(), TestGateway.sent().get(key).arguments().get(0));
        assertEquals(social, TestGateway.sent().get(key).recipient());
        TestClock.advance(Duration.ofHours(2));
        dispatcher.runOnce();
        assertEquals(2, TestGateway.calls(key), "nothing more once delivered");
    }
}
