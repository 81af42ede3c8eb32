package org.wushe.web.volunteering;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.wushe.community.application.CommunityView;
import org.wushe.community.application.GeographyService;
import org.wushe.points.application.RewardService;
import org.wushe.points.domain.Reward;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.volunteering.application.VolunteerService;
import org.wushe.volunteering.domain.VolunteerPosition;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.TextInputs;

/**
 * Staff's volunteering page for their community: positions, shifts, certifications and the
 * rewards catalogue.
 */
@Named
@ViewScoped
public class PositionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    VolunteerService volunteers;

    @EJB
    RewardService rewards;

    @EJB
    GeographyService geography;

    private String community;
    private List<VolunteerPosition> positions = List.of();
    private List<Reward> catalogue = List.of();

    private String name;
    private String type;
    private String supervisor;
    private String required;
    private Long shiftPosition;
    private String shiftStart;
    private String shiftEnd;
    private Integer places;
    private Long certResident;
    private String certCode;
    private String certName;
    private String certExpires;
    private String rewardName;
    private String rewardKind = "GOODS";
    private Long rewardCost;
    private Integer rewardStock;

    @PostConstruct
    void init() {
        List<CommunityView> mine = geography.communities(null, PageRequest.of(0, 1)).items();
        community = mine.isEmpty() ? null : mine.get(0).code();
        load();
    }

    private void load() {
        if (community != null) {
            positions = volunteers.positions(community);
            catalogue = rewards.catalogue(community);
        }
    }

    public void createPosition() {
        Actions.run("position", () -> {
            Set<String> codes = required == null ? Set.of() : Arrays.stream(required.split("[,;，；\\s]+"))
                    .filter(s -> !s.isBlank()).collect(Collectors.toSet());
            volunteers.createPosition(community, name, type, supervisor, codes, null);
            name = null;
            FacesErrors.info("volunteering.saved");
            load();
        });
    }

    public void addShift() {
        Actions.run("shift", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Instant s = TextInputs.time("shiftStart", shiftStart, errors);
            Instant e = TextInputs.time("shiftEnd", shiftEnd, errors);
            errors.throwIfAny();
            volunteers.addShift(shiftPosition, s, e, places == null ? 0 : places);
            FacesErrors.info("volunteering.saved");
        });
    }

    public void certify() {
        Actions.run("certification", () -> {
            volunteers.certify(certResident, certCode, certName, TextInputs.date("certExpires", certExpires));
            FacesErrors.info("volunteering.saved");
        });
    }

    public void addReward() {
        Actions.run("reward", () -> {
            rewards.addReward(community, rewardName, Reward.Kind.valueOf(rewardKind),
                    rewardCost == null ? 0 : rewardCost, rewardStock == null ? 0 : rewardStock);
            rewardName = null;
            FacesErrors.info("volunteering.saved");
            load();
        });
    }


    public String getCommunity() {
        return community;
    }

    public List<VolunteerPosition> getPositions() {
        return positions;
    }

    public List<Reward> getCatalogue() {
        return catalogue;
    }

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getSupervisor() { return supervisor; }
    public void setSupervisor(String v) { supervisor = v; }
    public String getRequired() { return required; }
    public void setRequired(String v) { required = v; }
    public Long getShiftPosition() { return shiftPosition; }
    public void setShiftPosition(Long v) { shiftPosition = v; }
    public String getShiftStart() { return shiftStart; }
    public void setShiftStart(String v) { shiftStart = v; }
    public String getShiftEnd() { return shiftEnd; }
    public void setShiftEnd(String v) { shiftEnd = v; }
    public Integer getPlaces() { return places; }
    public void setPlaces(Integer v) { places = v; }
    public Long getCertResident() { return certResident; }
    public void setCertResident(Long v) { certResident = v; }
    public String getCertCode() { return certCode; }
    public void setCertCode(String v) { certCode = v; }
    public String getCertName() { return certName; }
    public void setCertName(String v) { certName = v; }
    public String getCertExpires() { return certExpires; }
    public void setCertExpires(String v) { certExpires = v; }
    public String getRewardName() { return rewardName; }
    public void setRewardName(String v) { rewardName = v; }
    public String getRewardKind() { return rewardKind; }
    public void setRewardKind(String v) { rewardKind = v; }
    public Long getRewardCost() { return rewardCost; }
    public void setRewardCost(Long v) { rewardCost = v; }
    public Integer getRewardStock() { return rewardStock; }
    public void setRewardStock(Integer v) { rewardStock = v; }
}
