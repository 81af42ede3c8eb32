package org.wushe.casework.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The two coordination indices of docs/indices.md, from figures counted in the records of a period:
 * the <b>professional coordination index</b> of a grid worker and the <b>grid integration index</b>
 * of a social worker. Each is a weighted mean (0–100) of shares between 0 and 1; a share with
 * nothing to measure (no referral decided, no case closed) is left out and the weights of the others
 * are used alone. Pure: no database, no clock.
 */
public final class CoordinationIndex {

    /** Joint patrols expected per 30 days of the period. */
    public static final int JOINT_PATROLS_PER_MONTH = 2;
    /** Social-work trainings a grid worker is expected to attend per three months. */
    public static final int TRAININGS_PER_QUARTER = 1;

    private CoordinationIndex() {
    }

    /** What is counted for a grid worker in the period. */
    public record GridWorkerFigures(LocalDate from, LocalDate to, long referralsDecided, long acceptedWithoutReturn,
                                    long jointPatrols, long trainingsAttended, long meetingsOnOwnGrid,
                                    long meetingsWithMonitoring) {
    }

    /** What is counted for a social worker in the period. */
    public record SocialWorkerFigures(LocalDate from, LocalDate to, long referralsDue, long decidedInTime,
                                      long jointPatrolsJoined, long casesClosed, long closedImproved,
                                      long referralsAccepted, long acceptedWithCase) {
    }

    /** One part of an index: its weight, what was counted, the share (null when nothing to measure). */
    public record Component(String key, int weight, long count, long target, Double share) {
    }

    /** An index: the score (one decimal) and its parts. */
    public record Result(String index, LocalDate from, LocalDate to, BigDecimal score, List<Component> components) {
    }

    /** Whole months in the period (at least one): inclusive days / 30, rounded. */
    public static long months(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return Math.max(1, Math.round(days / 30.0));
    }

    /** The professional coordination index of a grid worker. */
    public static Result professionalCoordination(GridWorkerFigures f) {
        long months = months(f.from(), f.to());
        long patrolTarget = JOINT_PATROLS_PER_MONTH * months;
        long trainingTarget = Math.max(1, (months * TRAININGS_PER_QUARTER + 2) / 3);
        List<Component> parts = new ArrayList<>();
        parts.add(new Component("REFERRAL_QUALITY", 40, f.acceptedWithoutReturn(), f.referralsDecided(),
                share(f.acceptedWithoutReturn(), f.referralsDecided())));
        parts.add(new Component("JOINT_PATROLS", 25, f.jointPatrols(), patrolTarget, capped(f.jointPatrols(), patrolTarget)));
        parts.add(new Component("TRAINING", 20, f.trainingsAttended(), trainingTarget,
                capped(f.trainingsAttended(), trainingTarget)));
        parts.add(new Component("MONITORING", 15, f.meetingsWithMonitoring(), f.meetingsOnOwnGrid(),
                share(f.meetingsWithMonitoring(), f.meetingsOnOwnGrid())));
        return new Result("PROFESSIONAL_COORDINATION", f.from(), f.to(), score(parts), List.copyOf(parts));
    }

    /** The grid integration index of a social worker. */
    public static Result gridIntegration(SocialWorkerFigures f) {
        long months = months(f.from(), f.to());
        long patrolTarget = JOINT_PATROLS_PER_MONTH * months;
        List<Component> parts = new ArrayList<>();
        parts.add(new Component("TIMELINESS", 30, f.decidedInTime(), f.referralsDue(),
                share(f.decidedInTime(), f.referralsDue())));
        parts.add(new Component("JOINT_PATROLS", 25, f.jointPatrolsJoined(), patrolTarget,
                capped(f.jointPatrolsJoined(), patrolTarget)));
        parts.add(new Component("IMPROVEMENT", 30, f.closedImproved(), f.casesClosed(),
                share(f.closedImproved(), f.casesClosed())));
        parts.add(new Component("FOLLOW_THROUGH", 15, f.acceptedWithCase(), f.referralsAccepted(),
                share(f.acceptedWithCase(), f.referralsAccepted())));
        return new Result("GRID_INTEGRATION", f.from(), f.to(), score(parts), List.copyOf(parts));
    }

    private static Double share(long count, long of) {
        return of <= 0 ? null : Math.min(1.0, (double) count / of);
    }

    private static Double capped(long count, long target) {
        return Math.min(1.0, (double) count / target);
    }

    private static BigDecimal score(List<Component> parts) {
        BigDecimal sum = BigDecimal.ZERO;
        int weights = 0;
        for (Component c : parts) {
            if (c.share() != null) {
                sum = sum.add(BigDecimal.valueOf(c.weight()).multiply(BigDecimal.valueOf(c.share())));
                weights += c.weight();
            }
        }
        if (weights == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return sum.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(weights), 1, RoundingMode.HALF_UP);
    }
}
