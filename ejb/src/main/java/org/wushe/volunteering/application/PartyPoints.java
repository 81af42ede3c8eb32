package org.wushe.volunteering.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import org.wushe.points.application.PointAccounts;
import org.wushe.points.application.PointsLedger;
import org.wushe.points.application.PointsService;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.PointAccount;
import org.wushe.points.domain.PointRule;
import org.wushe.points.domain.PointTransaction;
import org.wushe.points.domain.SourceType;
import org.wushe.volunteering.domain.PartyMember;
import org.wushe.volunteering.domain.WhistleCall;
import org.wushe.volunteering.domain.WhistleResponse;

/**
 * Turns a confirmed whistle-call answer into Party-member points ({@code PARTY_SERVICE} rule),
 * into the member's Party-member account, kept apart from volunteer points; once per answer. The
 * nightly settlement calls it; internal, no caller checks.
 */
@Stateless
public class PartyPoints {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    PointAccounts accounts;

    @EJB
    PointsLedger ledger;

    @EJB
    PointsService rules;

    /** @return true when booked now */
    public boolean settle(Long responseId) {
        WhistleResponse r = em.find(WhistleResponse.class, responseId);
        if (r == null || r.getStatus() != WhistleResponse.Status.CONFIRMED
                || ledger.isBooked(SourceType.PARTY_SERVICE, responseId)) {
            return false;
        }
        long pts = rules.rule("PARTY_SERVICE", 0);
        if (pts <= 0) {
            return false;
        }
        PartyMember m = em.find(PartyMember.class, r.getPartyMemberId());
        WhistleCall call = em.find(WhistleCall.class, r.getCallId());
        PointAccount pool = accounts.obtain(AccountKind.REWARD_POOL, m.getCommunityId(), null);
        PointAccount member = accounts.obtain(AccountKind.PARTY_MEMBER, m.getCommunityId(), m.getResidentId());
        LocalDate expires = LocalDate.ofInstant(r.getDecidedAt(), clock.getZone())
                .plusMonths(rules.rule(PointRule.EXPIRY_MONTHS, 24));
        return ledger.post(PointTransaction.transfer(SourceType.PARTY_SERVICE, responseId, m.getCommunityId(), pool,
                member, pts, clock.instant(), expires, call.getTitle()));
    }
}
