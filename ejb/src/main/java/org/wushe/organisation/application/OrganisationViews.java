package org.wushe.organisation.application;

import java.time.LocalDate;
import java.util.List;
import org.wushe.organisation.domain.MaturityTier;
import org.wushe.organisation.domain.Shortfall;
import org.wushe.organisation.domain.TierInputs;

/** What the organisation services hand out: records only, names masked unless revealed. */
public final class OrganisationViews {

    private OrganisationViews() {
    }

    /** The computed tier with its inputs and what keeps the organisation from the next tier. */
    public record TierView(MaturityTier tier, MaturityTier nextTier, long activities, long members,
                           Integer selfSharePercent, String satisfaction, long respondents, int years,
                           List<Shortfall> holdingBack) {

        static TierView of(MaturityTier.Assessment a) {
            TierInputs in = a.inputs();
            Integer s = in.satisfactionTenths();
            return new TierView(a.tier(), a.tier().next(), in.activities(), in.members(), in.selfSharePercent(),
                    s == null ? null : s / 10 + "." + s % 10, in.respondents(), in.years(), a.holdingBack());
        }
    }

    /** One row of a community's list. */
    public record OrganisationRow(Long id, String name, String type, LocalDate foundedOn, String leaderName,
                                  TierView tier) {
    }

    public record MemberView(Long id, Long residentId, String name, LocalDate joinedOn, LocalDate leftOn,
                             boolean active) {
    }

    public record ActivityView(Long id, LocalDate heldOn, String title, int participants, String satisfaction,
                               int respondents) {
    }

    public record FundingView(int year, long selfRaisedFen, long externalFen) {
    }

    public record RecognitionView(Long id, String title, String awardedBy, LocalDate awardedOn) {
    }

    /** One item of the current tier's checklist and, when done, when and by whom. */
    public record ChecklistEntry(Long itemId, String kind, String title, LocalDate tickedOn, String tickedBy) {
        public boolean isTicked() {
            return tickedOn != null;
        }
    }

    /** An organisation's page: who, the tier and its reasons, members, activities, funds, recognition, checklist. */
    public record OrganisationDetail(Long id, String communityCode, String communityName, String name, String type,
                                     LocalDate foundedOn, Long actorId, String actorType, int ring,
                                     Long leaderResidentId, String leaderName, boolean revealed, TierView tier,
                                     List<MemberView> members, List<ActivityView> activities,
                                     List<FundingView> funding, List<RecognitionView> recognitions,
                                     List<ChecklistEntry> checklist) {
    }

    /** How many organisations of one community stand in each tier. */
    public record CommunityTiers(String communityCode, String communityName, String subDistrictCode, long nascent,
                                 long growing, long mature) {
        public long getTotal() {
            return nascent + growing + mature;
        }
    }

    /** A checklist item as the bureau keeps it. */
    public record ChecklistItemView(Long id, String tier, String kind, String title, int sortOrder) {
    }
}
