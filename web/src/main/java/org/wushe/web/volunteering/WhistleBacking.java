package org.wushe.web.volunteering;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;
import org.wushe.volunteering.application.PartyService;
import org.wushe.volunteering.domain.PartyMember;
import org.wushe.volunteering.domain.WhistleResponse;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.TextInputs;

/**
 * The whistle board (社区吹哨、党员报到): the Party secretary posts calls and confirms who came;
 * residents report as in-service Party members and answer calls.
 */
@Named
@ViewScoped
public class WhistleBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    PartyService party;

    @EJB
    AccountService accounts;

    private List<PartyService.CallView> board;
    private boolean secretary;
    private boolean resident;
    private Long openCall;
    private List<WhistleResponse> responses = List.of();

    private String title;
    private Integer needed;
    private String start;
    private String end;
    private String workUnit;
    private String contact;
    private String commitments;

    @PostConstruct
    void init() {
        var me = accounts.me();
        secretary = me.has(Right.POST_WHISTLE);
        resident = me.has(Right.SELF_SERVICE);
        if (resident) {
            PartyMember m = party.myReport();
            if (m != null) {
                workUnit = m.getWorkUnit();
                contact = m.getContact();
                commitments = m.getCommitments();
            }
        }
        load();
    }

    private void load() {
        if (!Actions.run("board", () -> {
            board = party.myBoard();
            if (openCall != null && secretary) {
                responses = party.responses(openCall);
            }
        })) {
            board = List.of();
        }
    }

    public void post() {
        Actions.run("post", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Instant s = TextInputs.time("start", start, errors);
            Instant e = TextInputs.time("endsAt", end, errors);
            errors.throwIfAny();
            party.postInOwnCommunity(title, needed == null ? 0 : needed, s, e, null);
            title = null;
            FacesErrors.info("volunteering.saved");
            load();
        });
    }

    public void answer(Long callId) {
        Actions.run("board", () -> {
            party.answer(callId);
            FacesErrors.info("whistle.answered");
            load();
        });
    }

    public void show(Long callId) {
        openCall = callId;
        load();
    }

    public void confirm(Long responseId, boolean present) {
        Actions.run("board", () -> {
            party.confirm(responseId, present);
            load();
        });
    }

    public void report() {
        Actions.run("report", () -> {
            party.report(workUnit, contact, commitments);
            FacesErrors.info("volunteering.saved");
        });
    }


    public List<PartyService.CallView> getBoard() { return board; }
    public boolean isSecretary() { return secretary; }
    public boolean isResident() { return resident; }
    public Long getOpenCall() { return openCall; }
    public List<WhistleResponse> getResponses() { return responses; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public Integer getNeeded() { return needed; }
    public void setNeeded(Integer v) { needed = v; }
    public String getStart() { return start; }
    public void setStart(String v) { start = v; }
    public String getEnd() { return end; }
    public void setEnd(String v) { end = v; }
    public String getWorkUnit() { return workUnit; }
    public void setWorkUnit(String v) { workUnit = v; }
    public String getContact() { return contact; }
    public void setContact(String v) { contact = v; }
    public String getCommitments() { return commitments; }
    public void setCommitments(String v) { commitments = v; }
}
