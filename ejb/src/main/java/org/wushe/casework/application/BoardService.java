package org.wushe.casework.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.wushe.casework.application.CaseService.CaseCounts;
import org.wushe.casework.application.CaseService.CaseRow;
import org.wushe.casework.application.JointMeetingService.TaskView;
import org.wushe.casework.application.ReferralService.ReferralView;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.PageRequest;

/**
 * The Party secretary's casework board: referrals escalated past their deadline, stubborn cases,
 * overdue tasks of joint handling plans, and the community's case counts.
 */
@Stateless
public class BoardService {

    @Inject
    CaseworkAccess access;

    @Inject
    ReferralService referrals;

    @Inject
    CaseService cases;

    @Inject
    JointMeetingService meetings;

    public record SecretaryBoard(String communityCode, List<ReferralView> escalated, List<CaseRow> stubborn,
                                 List<TaskView> overdueTasks, CaseCounts counts) {
    }

    /** The board of a community ({@link Right#CONVENE_JOINT_MEETINGS}); overdue referrals are escalated first. */
    public SecretaryBoard board(String communityCode) {
        Caller caller = access.caller(Right.CONVENE_JOINT_MEETINGS);
        access.community(caller, communityCode);
        List<ReferralView> escalated = referrals.list(communityCode, "ESCALATED", PageRequest.of(0, 100)).items();
        List<CaseRow> stubborn = cases.myCases(true, PageRequest.of(0, 100)).items();
        return new SecretaryBoard(communityCode.strip().toUpperCase(), escalated, stubborn,
                meetings.overdueTasks(communityCode), cases.counts(communityCode));
    }
}
