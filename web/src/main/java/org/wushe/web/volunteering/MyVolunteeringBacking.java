package org.wushe.web.volunteering;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.wushe.points.application.PointsService;
import org.wushe.points.application.RewardService;
import org.wushe.points.application.Statement;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.Reward;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.volunteering.application.HoursService;
import org.wushe.volunteering.application.VolunteerService;
import org.wushe.volunteering.domain.ServiceHours;
import org.wushe.volunteering.domain.VolunteerPosition;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.TextInputs;

/**
 * A volunteer's own page: open shifts to sign up for, recording hours, their hours and their
 * points statement, and the rewards catalogue to redeem from.
 */
@Named
@ViewScoped
public class MyVolunteeringBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    VolunteerService volunteers;

    @EJB
    HoursService hours;

    @EJB
    PointsService points;

    @EJB
    RewardService rewards;

    private List<VolunteerService.OpenShift> shifts;
    private List<VolunteerPosition> positions;
    private List<ServiceHours> myHours;
    private Statement statement;
    private List<Reward> catalogue;

    private Long positionId;
    private String start;
    private String end;
    private String description;

    @PostConstruct
    void load() {
        shifts = volunteers.openShifts();
        positions = volunteers.myCommunityPositions();
        myHours = hours.myHours();
        statement = points.myStatement(AccountKind.VOLUNTEER, PageRequest.of(0, 50));
        catalogue = rewards.myCatalogue();
    }

    public void signUp(Long shiftId) {
        Actions.run("shifts", () -> {
            volunteers.signUp(shiftId);
            FacesErrors.info("volunteering.signedUp");
            load();
        });
    }

    public void record() {
        Actions.run("record", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Instant s = TextInputs.time("start", start, errors);
            Instant e = TextInputs.time("end", end, errors);
            errors.throwIfAny();
            hours.record(positionId, null, null, s, e, description);
            start = null;
            end = null;
            description = null;
            FacesErrors.info("volunteering.recorded");
            load();
        });
    }

    public void redeem(Long rewardId) {
        Actions.run("rewards", () -> {
            rewards.redeem(rewardId);
            FacesErrors.info("volunteering.redeemed");
            load();
        });
    }


    public List<VolunteerService.OpenShift> getShifts() {
        return shifts;
    }

    public List<VolunteerPosition> getPositions() {
        return positions;
    }

    public List<ServiceHours> getMyHours() {
        return myHours;
    }

    public Statement getStatement() {
        return statement;
    }

    public List<Reward> getCatalogue() {
        return catalogue;
    }

    public Long getPositionId() {
        return positionId;
    }

    public void setPositionId(Long positionId) {
        this.positionId = positionId;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
