package org.wushe.web.casework;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.wushe.casework.application.BoardService;
import org.wushe.casework.application.CaseService;
import org.wushe.security.domain.Right;
import org.wushe.shared.PageRequest;
import org.wushe.shared.WusheException;
import org.wushe.web.support.CommunityPage;
import org.wushe.web.support.FacesErrors;

/**
 * The stubborn-case board of a community. The Party secretary sees referrals escalated past their
 * deadline, the stubborn cases (to convene a joint meeting) and the plan tasks past their deadline;
 * a social worker sees their own stubborn cases; everyone with the right sees the counts.
 */
@Named
@ViewScoped
public class BoardBacking extends CommunityPage {

    private static final long serialVersionUID = 1L;

    @EJB
    BoardService boards;

    @EJB
    CaseService cases;

    private BoardService.SecretaryBoard board;
    private CaseService.CaseCounts counts;
    private List<CaseService.CaseRow> stubborn = List.of();

    @Override
    protected void refresh() {
        try {
            if (has(Right.CONVENE_JOINT_MEETINGS)) {
                board = boards.board(community);
                counts = board.counts();
                stubborn = board.stubborn();
            } else {
                counts = cases.counts(community);
                stubborn = has(Right.RUN_CASEWORK) ? cases.myCases(true, PageRequest.of(0, 100)).items() : List.of();
            }
        } catch (WusheException e) {
            FacesErrors.show(e, "board");
        }
    }

    public boolean isSecretary() {
        return has(Right.CONVENE_JOINT_MEETINGS);
    }

    public boolean isReasonKey(String s) {
        return s != null && s.startsWith("case.stubborn.");
    }

    public BoardService.SecretaryBoard getBoard() { return board; }
    public CaseService.CaseCounts getCounts() { return counts; }
    public List<CaseService.CaseRow> getStubborn() { return stubborn; }
}
