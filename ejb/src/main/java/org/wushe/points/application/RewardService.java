package org.wushe.points.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.wushe.community.domain.Community;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.notification.application.Notifications;
import org.wushe.notification.domain.NotificationKind;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.PointAccount;
import org.wushe.points.domain.PointTransaction;
import org.wushe.points.domain.Redemption;
import org.wushe.points.domain.Reward;
import org.wushe.points.domain.SourceType;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.ValidationException;

/**
 * The rewards catalogue of a community and redemptions. A redemption locks the volunteer's
 * account and then the reward, in that order, so two redemptions of one account or of the last item
 * run one after the other: an account is never overdrawn and stock never oversold.
 */
@Stateless
public class RewardService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Clock clock;

    @Inject
    GeographyRepository geography;

    @EJB
    PointAccounts accounts;

    @EJB
    PointsLedger ledger;

    @Inject
    Notifications notifications;

    /** Adds a reward to a community's catalogue. Needs {@link Right#MANAGE_VOLUNTEERING} in scope. */
    public Reward addReward(String communityCode, String name, Reward.Kind kind, long cost, int stock) {
        Caller caller = currentCaller.get();
        caller.require(Right.MANAGE_VOLUNTEERING);
        Community c = community(communityCode);
        caller.requireCovers(c);
        Reward r = new Reward(c.getId(), name, kind, cost, stock);
        em.persist(r);
        em.flush();
        return r;
    }

    /** The active rewards of a community (staff in scope, or a resident of that community). */
    public List<Reward> catalogue(String communityCode) {
        Caller caller = currentCaller.get();
        Community c = community(communityCode);
        if (!caller.covers(c) && !c.getId().equals(caller.communityId())) {
            throw new NotInScopeException(c.getCode());
        }
        return em.createQuery("select r from Reward r where r.communityId = :c and r.active = true order by r.cost, r.id",
                Reward.class).setParameter("c", c.getId()).setMaxResults(200).getResultList();
    }

    /** The catalogue of the caller's own community. */
    public List<Reward> myCatalogue() {
        Caller caller = currentCaller.get();
        return em.createQuery("select r from Reward r where r.communityId = :c and r.active = true order by r.cost, r.id",
                Reward.class).setParameter("c", caller.communityId()).setMaxResults(200).getResultList();
    }

    /**
     * The signed-in resident redeems one reward of their community with their volunteer points.
     * Refuses ({@code points.overdraw}) when the balance is below the cost and
     * ({@code reward.soldOut}) when none is left.
     */
    public Redemption redeem(Long rewardId) {
        Caller caller = currentCaller.get();
        caller.require(Right.SELF_SERVICE);
        // Read the reward's community without loading the entity, so that the locked read below is
        // the first (and therefore fresh) load of the reward in this transaction.
        Long communityId = em.createQuery("select r.communityId from Reward r where r.id = :id", Long.class)
                .setParameter("id", rewardId).getResultStream().findFirst().orElse(null);
        if (communityId == null || !communityId.equals(caller.communityId())) {
            throw new NotFoundException("reward", rewardId);
        }
        PointAccount account = accounts.lock(
                accounts.obtain(AccountKind.VOLUNTEER, communityId, caller.residentId()));
        Reward reward = em.find(Reward.class, rewardId, LockModeType.PESSIMISTIC_WRITE);
        long balance = ledger.balance(account.getId());
        if (balance < reward.getCost()) {
            throw new ConflictException("points.overdraw", "Balance " + balance + " below cost " + reward.getCost(),
                    balance, reward.getCost());
        }
        reward.takeOne();
        Redemption redemption = new Redemption(reward, account, caller.username(), clock.instant());
        em.persist(redemption);
        em.flush();
        PointAccount pool = accounts.obtain(AccountKind.REWARD_POOL, reward.getCommunityId(), null);
        ledger.post(PointTransaction.transfer(SourceType.REDEMPTION, redemption.getId(), reward.getCommunityId(),
                account, pool, reward.getCost(), clock.instant(), null, reward.getName()));
        notifications.notify(caller.accountId(), communityId, NotificationKind.REDEMPTION_COMPLETED, "redemption",
                redemption.getId(), "/volunteering/my.xhtml", reward.getName(), reward.getCost());
        return redemption;
    }

    /**
     * Cancels a redemption: the points come back by a new transaction, the item back into stock.
     * Staff with {@link Right#MANAGE_VOLUNTEERING} in the community; a reason is required.
     */
    public Redemption cancel(Long redemptionId, String reason) {
        Caller caller = currentCaller.get();
        caller.require(Right.MANAGE_VOLUNTEERING);
        Redemption redemption = em.find(Redemption.class, redemptionId, LockModeType.PESSIMISTIC_WRITE);
        if (redemption == null) {
            throw new NotFoundException("redemption", redemptionId);
        }
        Reward reward = em.find(Reward.class, redemption.getRewardId(), LockModeType.PESSIMISTIC_WRITE);
        caller.requireCovers(em.find(Community.class, reward.getCommunityId()));
        redemption.cancel(reason, clock.instant());
        reward.putBack();
        PointAccount volunteer = em.find(PointAccount.class, redemption.getAccountId());
        PointAccount pool = accounts.obtain(AccountKind.REWARD_POOL, reward.getCommunityId(), null);
        ledger.post(PointTransaction.transfer(SourceType.REDEMPTION_REFUND, redemption.getId(), reward.getCommunityId(),
                pool, volunteer, redemption.getCost(), clock.instant(), null, reason));
        notifications.notify(notifications.accountOf(redemption.getRedeemedBy()), reward.getCommunityId(),
                NotificationKind.REDEMPTION_CANCELLED, "redemption", redemption.getId(), "/volunteering/my.xhtml",
                reward.getName(), redemption.getCost(), redemption.getCancelReason());
        return redemption;
    }

    private Community community(String code) {
        return geography.community(code).orElseThrow(
                () -> ValidationException.of("communityCode", "geo.community.unknown", String.valueOf(code)));
    }
}
