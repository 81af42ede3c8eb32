package org.wushe.web.deliberation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.wushe.deliberation.application.MeetingService;
import org.wushe.deliberation.application.Views;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.CommunityPage;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;
import org.wushe.web.support.TextInputs;

/**
 * A community's resident representatives (with their terms) and representatives' meetings (agenda,
 * who was present, minutes), and the community's vote rules: quorum, majority and how often the
 * platform is reviewed.
 */
@Named
@ViewScoped
public class MeetingsBacking extends CommunityPage {

    private static final long serialVersionUID = 1L;

    @EJB
    MeetingService meetings;

    private List<Views.RepresentativeView> representatives = List.of();
    private List<Views.RepresentativeView> current = List.of();
    private List<Views.MeetingView> meetingList = List.of();
    private Views.RulesView rules;

    private String residentId;
    private String termStart;
    private String termEnd;
    private String title;
    private String heldAt;
    private String place;
    private String agenda;
    private Long meetingId;
    private List<String> present = new ArrayList<>();
    private String minutes;
    private String quorumNum;
    private String quorumDen;
    private String majorityNum;
    private String majorityDen;
    private String reviewMonths;

    @Override
    protected void refresh() {
        Actions.run("representatives", () -> {
            representatives = meetings.representatives(community, true);
            current = representatives.stream().filter(Views.RepresentativeView::current).toList();
            meetingList = meetings.meetings(community);
            rules = meetings.rules(community);
            if (quorumNum == null) {
                String[] q = rules.quorum().split("/");
                String[] m = rules.majority().split("/");
                quorumNum = q[0];
                quorumDen = q[1];
                majorityNum = m[0];
                majorityDen = m[1];
                reviewMonths = String.valueOf(rules.reviewMonths());
            }
        });
    }

    public void appoint() {
        Actions.run("appoint", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long resident = FormInputs.optionalLong("residentId", residentId, errors);
            LocalDate from = FormInputs.optionalDate("termStart", termStart, errors);
            LocalDate until = FormInputs.optionalDate("termEnd", termEnd, errors);
            errors.throwIfAny();
            Views.RepresentativeView r = view(meetings.appoint(community, resident, from, until));
            FacesErrors.info("deliberation.done.appointed", r.name());
            residentId = null;
            refresh();
        });
    }

    private static Views.RepresentativeView view(org.wushe.deliberation.domain.Representative r) {
        return new Views.RepresentativeView(r.getId(), r.getResidentId(), r.getName(), r.getTermStart(), r.getTermEnd(),
                true);
    }

    public void createMeeting() {
        Actions.run("meeting", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Instant at = TextInputs.time("heldAt", heldAt, errors);
            errors.throwIfAny();
            meetings.createMeeting(community, title, at, place, agenda);
            FacesErrors.info("deliberation.done.meeting", title);
            title = null;
            heldAt = null;
            agenda = null;
            refresh();
        });
    }

    /** Chooses the meeting whose attendance and minutes are recorded below. */
    public void choose(Views.MeetingView m) {
        meetingId = m.id();
        present = new ArrayList<>(m.presentRepresentativeIds().stream().map(String::valueOf).toList());
        minutes = m.minutes();
    }

    public void saveAttendance() {
        Actions.run("record", () -> {
            meetings.recordAttendance(meetingId, present.stream().map(Long::valueOf).toList());
            FacesErrors.info("deliberation.done.attendance");
            refresh();
        });
    }

    public void saveMinutes() {
        Actions.run("record", () -> {
            meetings.recordMinutes(meetingId, minutes);
            FacesErrors.info("deliberation.done.minutes");
            refresh();
        });
    }

    public void saveRules() {
        Actions.run("rules", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer qn = FormInputs.optionalInteger("quorum", quorumNum, errors);
            Integer qd = FormInputs.optionalInteger("quorum", quorumDen, errors);
            Integer mn = FormInputs.optionalInteger("majority", majorityNum, errors);
            Integer md = FormInputs.optionalInteger("majority", majorityDen, errors);
            Integer months = FormInputs.optionalInteger("reviewMonths", reviewMonths, errors);
            errors.throwIfAny();
            rules = meetings.setRules(community, qn, qd, mn, md, months);
            FacesErrors.info("deliberation.done.rules");
        });
    }

    public String getChosenTitle() {
        return meetingList.stream().filter(m -> m.id().equals(meetingId)).map(Views.MeetingView::title).findFirst()
                .orElse("");
    }

    public String nameOf(Long representativeId) {
        return representatives.stream().filter(r -> r.id().equals(representativeId))
                .map(Views.RepresentativeView::name).findFirst().orElse(String.valueOf(representativeId));
    }

    public boolean isStaff() {
        return has(Right.DELIBERATE);
    }

    public boolean isConfiguring() {
        return has(Right.CONFIGURE_DELIBERATION);
    }

    public List<Views.RepresentativeView> getRepresentatives() { return representatives; }
    public List<Views.RepresentativeView> getCurrent() { return current; }
    public List<Views.MeetingView> getMeetingList() { return meetingList; }
    public Views.RulesView getRules() { return rules; }
    public String getResidentId() { return residentId; }
    public void setResidentId(String v) { residentId = v; }
    public String getTermStart() { return termStart; }
    public void setTermStart(String v) { termStart = v; }
    public String getTermEnd() { return termEnd; }
    public void setTermEnd(String v) { termEnd = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getHeldAt() { return heldAt; }
    public void setHeldAt(String v) { heldAt = v; }
    public String getPlace() { return place; }
    public void setPlace(String v) { place = v; }
    public String getAgenda() { return agenda; }
    public void setAgenda(String v) { agenda = v; }
    public Long getMeetingId() { return meetingId; }
    public List<String> getPresent() { return present; }
    public void setPresent(List<String> v) { present = v; }
    public String getMinutes() { return minutes; }
    public void setMinutes(String v) { minutes = v; }
    public String getQuorumNum() { return quorumNum; }
    public void setQuorumNum(String v) { quorumNum = v; }
    public String getQuorumDen() { return quorumDen; }
    public void setQuorumDen(String v) { quorumDen = v; }
    public String getMajorityNum() { return majorityNum; }
    public void setMajorityNum(String v) { majorityNum = v; }
    public String getMajorityDen() { return majorityDen; }
    public void setMajorityDen(String v) { majorityDen = v; }
    public String getReviewMonths() { return reviewMonths; }
    public void setReviewMonths(String v) { reviewMonths = v; }
}
