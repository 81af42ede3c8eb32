package org.wushe.web.organisation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.wushe.fund.domain.Money;
import org.wushe.organisation.application.OrganisationRecordService;
import org.wushe.organisation.application.OrganisationService;
import org.wushe.organisation.application.OrganisationTierService;
import org.wushe.organisation.application.OrganisationViews.ChecklistEntry;
import org.wushe.organisation.application.OrganisationViews.MemberView;
import org.wushe.organisation.application.OrganisationViews.OrganisationDetail;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.CommunityPage;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * One organisation ({@code ?id=}): its tier with the reasons, the support checklist of that tier
 * (staff tick items done), members, activities, funds per year and recognition, each with its form
 * for staff who manage organisations; names masked unless shown in full for a stated purpose.
 */
@Named
@ViewScoped
public class OrganisationBacking extends CommunityPage {

    private static final long serialVersionUID = 1L;

    @EJB
    OrganisationService organisations;

    @EJB
    OrganisationRecordService records;

    @EJB
    OrganisationTierService tiers;

    private Long id;
    private OrganisationDetail org;
    private boolean revealed;

    private String residentId;
    private String joinedOn;
    private String heldOn;
    private String activityTitle;
    private String participants;
    private String satisfaction;
    private String respondents;
    private String year;
    private String selfRaised;
    private String external;
    private String recognitionTitle;
    private String awardedBy;
    private String awardedOn;
    private String purpose;

    /** Loads the organisation named by the {@code id} view parameter. */
    @Override
    public void load() {
        if (id == null) {
            return;
        }
        Actions.run("tier", () -> {
            org = organisations.detail(id);
            community = org.communityCode();
        });
    }

    @Override
    protected void refresh() {
        Actions.run("tier", () -> {
            // A revealed page stays revealed only until the next change; a new full view is audited again.
            org = organisations.detail(id);
            revealed = false;
        });
    }

    public void addMember() {
        Actions.run("member", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long resident = FormInputs.optionalLong("residentId", residentId, errors);
            LocalDate joined = FormInputs.optionalDate("joinedOn", joinedOn, errors);
            errors.throwIfAny();
            organisations.addMember(id, resident, joined);
            FacesErrors.info("organisation.done.member");
            residentId = null;
            refresh();
        });
    }

    public void leave(MemberView m) {
        Actions.run("member", () -> {
            organisations.memberLeaves(m.id(), LocalDate.now());
            FacesErrors.info("organisation.done.left");
            refresh();
        });
    }

    public void addActivity() {
        Actions.run("activity", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            LocalDate held = FormInputs.optionalDate("heldOn", heldOn, errors);
            Integer n = FormInputs.optionalInteger("participants", participants, errors);
            BigDecimal s = FormInputs.optionalDecimal("satisfaction", satisfaction, errors);
            Integer r = FormInputs.optionalInteger("respondents", respondents, errors);
            errors.throwIfAny();
            records.addActivity(id, new OrganisationRecordService.ActivityForm(held, activityTitle, n, s, r));
            FacesErrors.info("organisation.done.activity", activityTitle);
            heldOn = null;
            activityTitle = null;
            participants = null;
            satisfaction = null;
            respondents = null;
            refresh();
        });
    }

    public void saveFunding() {
        Actions.run("funding", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer y = FormInputs.optionalInteger("year", year, errors);
            Long self = fen("selfRaisedFen", selfRaised, errors);
            Long ext = fen("externalFen", external, errors);
            errors.throwIfAny();
            records.setFunding(id, y, self, ext);
            FacesErrors.info("organisation.done.funding", year);
            refresh();
        });
    }

    public void addRecognition() {
        Actions.run("recognition", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            LocalDate on = FormInputs.optionalDate("awardedOn", awardedOn, errors);
            errors.throwIfAny();
            records.addRecognition(id, recognitionTitle, awardedBy, on);
            FacesErrors.info("organisation.done.recognition", recognitionTitle);
            recognitionTitle = null;
            awardedBy = null;
            awardedOn = null;
            refresh();
        });
    }

    public void tick(ChecklistEntry item) {
        Actions.run("checklist", () -> {
            tiers.tick(id, item.itemId());
            FacesErrors.info("organisation.done.ticked", item.title());
            refresh();
        });
    }

    public void reveal() {
        Actions.run("reveal", () -> {
            org = organisations.reveal(id, purpose);
            revealed = true;
            purpose = null;
            FacesErrors.info("organisation.page.revealed");
        });
    }

    /** Yuan as typed (two decimals at most) to fen; blank stays blank for the service to refuse. */
    private static Long fen(String field, String yuan, ValidationException.Collector errors) {
        return Money.parse(field, yuan, "error.number", "organisation.funding.range", errors);
    }

    public String getHoldingBack() {
        return org == null ? null : TierTexts.holdingBack(org.tier());
    }

    public String getInputs() {
        return org == null ? null : TierTexts.inputs(org.tier());
    }

    public String yuan(long fen) {
        return Money.format(fen);
    }

    public boolean isManaging() {
        return has(Right.MANAGE_ORGANISATIONS);
    }

    public boolean isMayReveal() {
        return has(Right.REVEAL_PERSONAL_DATA) && !revealed;
    }

    public boolean isRevealed() { return revealed; }
    public OrganisationDetail getOrg() { return org; }
    public Long getId() { return id; }
    public void setId(Long v) { id = v; }
    public String getResidentId() { return residentId; }
    public void setResidentId(String v) { residentId = v; }
    public String getJoinedOn() { return joinedOn; }
    public void setJoinedOn(String v) { joinedOn = v; }
    public String getHeldOn() { return heldOn; }
    public void setHeldOn(String v) { heldOn = v; }
    public String getActivityTitle() { return activityTitle; }
    public void setActivityTitle(String v) { activityTitle = v; }
    public String getParticipants() { return participants; }
    public void setParticipants(String v) { participants = v; }
    public String getSatisfaction() { return satisfaction; }
    public void setSatisfaction(String v) { satisfaction = v; }
    public String getRespondents() { return respondents; }
    public void setRespondents(String v) { respondents = v; }
    public String getYear() { return year; }
    public void setYear(String v) { year = v; }
    public String getSelfRaised() { return selfRaised; }
    public void setSelfRaised(String v) { selfRaised = v; }
    public String getExternal() { return external; }
    public void setExternal(String v) { external = v; }
    public String getRecognitionTitle() { return recognitionTitle; }
    public void setRecognitionTitle(String v) { recognitionTitle = v; }
    public String getAwardedBy() { return awardedBy; }
    public void setAwardedBy(String v) { awardedBy = v; }
    public String getAwardedOn() { return awardedOn; }
    public void setAwardedOn(String v) { awardedOn = v; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String v) { purpose = v; }
}
