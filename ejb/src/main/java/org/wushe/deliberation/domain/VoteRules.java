package org.wushe.deliberation.domain;

import java.util.Map;
import java.util.Objects;

/**
 * The pure rules of a representatives' vote, with no database: whether the quorum is met and which
 * option, if any, passes. A community's rules are two fractions (see {@link VoteRule}): the quorum
 * (default two thirds of the current representatives present) and the majority (default more than
 * half of those present and not recused by a conflict of interest).
 *
 * <p>Usage: {@code VoteRules.Result r = VoteRules.decide(rule, tally);}
 */
public final class VoteRules {

    /** The default quorum: two thirds of the representatives present. */
    public static final Fraction DEFAULT_QUORUM = new Fraction(2, 3);
    /** The default majority: more than half of those present. */
    public static final Fraction DEFAULT_MAJORITY = new Fraction(1, 2);

    private VoteRules() {
    }

    /** A share such as 2/3; numerator and denominator positive, at most one. */
    public record Fraction(int numerator, int denominator) {
        public Fraction {
            if (numerator <= 0 || denominator <= 0 || numerator > denominator) {
                throw new IllegalArgumentException("a share between 0 and 1: " + numerator + "/" + denominator);
            }
        }

        @Override
        public String toString() {
            return numerator + "/" + denominator;
        }
    }

    /**
     * What the ballots say: how many representatives there are, how many are present, how many of
     * those declared a conflict of interest, and the votes per option (proposal id), against and
     * abstaining.
     */
    public record Tally(int representatives, int present, int recused, Map<Long, Integer> forOption, int against,
                        int abstain) {
        public Tally {
            forOption = Map.copyOf(forOption);
            if (representatives < 0 || present < 0 || recused < 0 || against < 0 || abstain < 0) {
                throw new IllegalArgumentException("counts are not negative");
            }
        }

        /** Those whose votes count for the majority: present and not recused. */
        public int eligible() {
            return Math.max(0, present - recused);
        }

        public int cast() {
            return forOption.values().stream().mapToInt(Integer::intValue).sum() + against + abstain;
        }
    }

    /** The outcome: invalid (no quorum), failed, or passed with the winning proposal. */
    public record Result(VoteStatus status, Long winner) {
    }

    /** Whether {@code present} of {@code representatives} meet the quorum; never with no representatives. */
    public static boolean quorumMet(Fraction quorum, int representatives, int present) {
        return representatives > 0 && (long) present * quorum.denominator() >= (long) representatives * quorum.numerator();
    }

    /** Whether {@code votes} are more than the majority share of {@code eligible}. */
    public static boolean majority(Fraction majority, int votes, int eligible) {
        return eligible > 0 && (long) votes * majority.denominator() > (long) eligible * majority.numerator();
    }

    /**
     * Decides a closed vote: invalid without a quorum; otherwise the option with the most votes
     * passes when it alone has them and they are more than the majority share of the eligible;
     * otherwise the vote failed.
     */
    public static Result decide(Fraction quorum, Fraction majority, Tally t) {
        Objects.requireNonNull(t);
        if (!quorumMet(quorum, t.representatives(), t.present())) {
            return new Result(VoteStatus.INVALID, null);
        }
        Long best = null;
        int bestVotes = -1;
        boolean tie = false;
        for (Map.Entry<Long, Integer> e : t.forOption().entrySet()) {
            if (e.getValue() > bestVotes) {
                best = e.getKey();
                bestVotes = e.getValue();
                tie = false;
            } else if (e.getValue() == bestVotes) {
                tie = true;
            }
        }
        if (best != null && !tie && majority(majority, bestVotes, t.eligible())) {
            return new Result(VoteStatus.PASSED, best);
        }
        return new Result(VoteStatus.FAILED, null);
    }
}
