package org.wushe.points.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.community.domain.Resident;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.PointAccount;
import org.wushe.points.domain.PointRule;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.PageRequest;

/** Points as people see them: statements, and the bureau's point rules. */
@Stateless
public class PointsService {

    @EJB
    AuditLog audit;

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @EJB
    PointAccounts accounts;

    @EJB
    PointsLedger ledger;

    /** The signed-in resident's own volunteer (or Party-member) points statement. */
    public Statement myStatement(AccountKind kind, PageRequest page) {
        Caller caller = currentCaller.get();
        caller.require(Right.SELF_SERVICE);
        return statement(accounts.find(kind, caller.communityId(), caller.residentId()), page);
    }

    /** A resident's statement, for staff who see that resident (scope checked on the resident's grid cell). */
    public Statement statementOf(Long residentId, AccountKind kind, PageRequest page) {
        Caller caller = currentCaller.get();
        caller.require(Right.VIEW_RESIDENTS);
        Resident r = em.find(Resident.class, residentId);
        if (r == null) {
            throw new NotFoundException("resident", residentId);
        }
        caller.requireCoversPerson(r.getGridCell());
        return statement(accounts.find(kind, r.getCommunity().getId(), residentId), page);
    }

    private Statement statement(Optional<PointAccount> account, PageRequest page) {
        if (account.isEmpty()) {
            return new Statement(null, 0, 0, List.of());
        }
        Long id = account.get().getId();
        List<Statement.Line> lines = ledger.entries(id, page.first(), page.size()).stream()
                .map(e -> new Statement.Line(e.getCreatedAt(), e.getAmount(), e.getTransaction().getSourceType(),
                        e.getTransaction().getSourceId(), e.getTransaction().getMemo(), e.getExpiresOn()))
                .toList();
        return new Statement(id, ledger.balance(id), ledger.countEntries(id), lines);
    }

    /** The point rules, by code. Anyone signed in may read them. */
    public List<PointRule> rules() {
        currentCaller.get();
        return em.createQuery("select r from PointRule r order by r.code", PointRule.class).getResultList();
    }

    /** Sets (or adds) a rule. Bureau administrator only; refuses a negative value. */
    public PointRule setRule(String code, long points) {
        Caller caller = currentCaller.require(Right.MANAGE_POINT_RULES);
        PointRule rule = em.find(PointRule.class, code);
        Long before = rule == null ? null : rule.getPoints();
        if (rule == null) {
            rule = new PointRule(code, points);
            em.persist(rule);
        } else {
            rule.change(points);
        }
        audit.record(caller, AuditAction.SETTING_CHANGED, null, "point_rule", null, null, null,
                "point rule " + code + ": " + (before == null ? "new" : before) + " -> " + rule.getPoints());
        return rule;
    }

    /** A rule's value, or the fallback when it is not set. Internal use (settlement, verification). */
    public long rule(String code, long fallback) {
        PointRule r = em.find(PointRule.class, code);
        return r == null ? fallback : r.getPoints();
    }
}
