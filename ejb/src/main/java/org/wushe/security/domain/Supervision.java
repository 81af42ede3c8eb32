package org.wushe.security.domain;

import java.util.Set;
import org.wushe.community.domain.SubDistrict;
import org.wushe.shared.ValidationException;

/**
 * Who may supervise whom (casework: a supervisor reads the case files of the social workers they
 * supervise). Only a social worker marked as supervising, enabled, supervises, and only social
 * workers of the sub-districts of their supervision scope; never themselves.
 */
final class Supervision {

    private static final String FIELD = "supervisorUsername";

    private Supervision() {
    }

    /** Whether {@code supervisor} may supervise {@code worker} now. */
    static boolean covers(Account supervisor, Account worker) {
        if (supervisor == null || worker == null || !supervisor.isSupervising() || !supervisor.isEnabled()
                || supervisor.getRole() != Role.SOCIAL_WORKER || same(supervisor, worker)
                || worker.getRole() != Role.SOCIAL_WORKER || worker.getCommunity() == null) {
            return false;
        }
        SubDistrict of = worker.getCommunity().getSubDistrict();
        return supervisor.getSupervisionSubDistricts().stream()
                .anyMatch(s -> s == of || s.getId() != null && s.getId().equals(of.getId()));
    }

    /**
     * @throws ValidationException on {@code supervisorUsername} when {@code supervisor} may not
     *         supervise {@code worker}: {@code account.supervisor.notSocialWorker} (the worker),
     *         {@code account.supervisor.self}, {@code account.supervisor.notSupervising},
     *         {@code account.supervisor.disabled}, {@code account.supervisor.outOfScope}
     */
    static void check(Account supervisor, Account worker) {
        if (worker.getRole() != Role.SOCIAL_WORKER) {
            throw ValidationException.of(FIELD, "account.supervisor.notSocialWorker");
        }
        if (same(supervisor, worker)) {
            throw ValidationException.of(FIELD, "account.supervisor.self");
        }
        if (supervisor.getRole() != Role.SOCIAL_WORKER || !supervisor.isSupervising()) {
            throw ValidationException.of(FIELD, "account.supervisor.notSupervising", supervisor.getUsername());
        }
        if (!supervisor.isEnabled()) {
            throw ValidationException.of(FIELD, "account.supervisor.disabled", supervisor.getUsername());
        }
        if (!covers(supervisor, worker)) {
            throw ValidationException.of(FIELD, "account.supervisor.outOfScope", supervisor.getUsername());
        }
    }

    /**
     * @throws ValidationException {@code account.supervising.socialWorkersOnly} (field
     *         {@code supervising}) for any other role, {@code account.supervising.scopeEmpty} (field
     *         {@code supervisionCodes}) without a sub-district
     */
    static void checkMarking(Account account, Set<SubDistrict> within) {
        if (account.getRole() != Role.SOCIAL_WORKER) {
            throw ValidationException.of("supervising", "account.supervising.socialWorkersOnly");
        }
        if (within == null || within.isEmpty()) {
            throw ValidationException.of("supervisionCodes", "account.supervising.scopeEmpty");
        }
    }

    private static boolean same(Account a, Account b) {
        return a == b || a.getId() != null && a.getId().equals(b.getId());
    }
}
