package org.wushe.web.organisation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.wushe.organisation.application.OrganisationService;
import org.wushe.organisation.application.OrganisationViews.OrganisationRow;
import org.wushe.organisation.application.OrganisationViews.TierView;
import org.wushe.organisation.domain.OrganisationType;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.CommunityPage;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * A community's organisations: each with its tier and the criterion that holds it back, computed
 * from its data; staff who manage organisations register new ones here.
 */
@Named
@ViewScoped
public class OrganisationsBacking extends CommunityPage {

    private static final long serialVersionUID = 1L;
    private static final List<String> ACTOR_TYPES = List.of("SOCIAL_ORGANIZATION", "VOLUNTEER_TEAM", "RESIDENT_BACKBONE");

    @EJB
    OrganisationService organisations;

    private List<OrganisationRow> rows = List.of();
    private String name;
    private String type;
    private String foundedOn;
    private String leaderResidentId;
    private String actorType = "SOCIAL_ORGANIZATION";

    @Override
    protected void refresh() {
        Actions.run("list", () -> {
            rows = organisations.list(community);
        });
    }

    public void register() {
        Actions.run("register", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            LocalDate founded = FormInputs.optionalDate("foundedOn", foundedOn, errors);
            Long leader = FormInputs.optionalLong("leaderResidentId", leaderResidentId, errors);
            errors.throwIfAny();
            organisations.register(community, new OrganisationService.RegistrationForm(name, type, founded, leader,
                    actorType));
            FacesErrors.info("organisation.done.registered", name);
            name = null;
            foundedOn = null;
            leaderResidentId = null;
            refresh();
        });
    }

    public String holdingBack(TierView t) {
        return TierTexts.holdingBack(t);
    }

    public boolean isManaging() {
        return has(Right.MANAGE_ORGANISATIONS);
    }

    public List<String> getTypes() {
        return Arrays.stream(OrganisationType.values()).map(Enum::name).toList();
    }

    public List<String> getActorTypes() {
        return ACTOR_TYPES;
    }

    public List<OrganisationRow> getRows() { return rows; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getFoundedOn() { return foundedOn; }
    public void setFoundedOn(String v) { foundedOn = v; }
    public String getLeaderResidentId() { return leaderResidentId; }
    public void setLeaderResidentId(String v) { leaderResidentId = v; }
    public String getActorType() { return actorType; }
    public void setActorType(String v) { actorType = v; }
}
