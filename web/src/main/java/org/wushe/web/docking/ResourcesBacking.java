package org.wushe.web.docking;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.wushe.community.application.Place;
import org.wushe.community.domain.Actor;
import org.wushe.docking.application.ResourceForm;
import org.wushe.docking.application.ResourceRow;
import org.wushe.docking.application.ResourceService;
import org.wushe.docking.domain.Resource;
import org.wushe.docking.domain.ResourceStatus;
import org.wushe.docking.domain.ResourceType;
import org.wushe.docking.domain.Sphere;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.PageModel;
import org.wushe.web.support.FormInputs;

/**
 * The five-sphere resource ledger of a community: what is available now by sphere and category, the
 * filtered lazy ledger, adding a resource, and changing one's capacity, end date and status.
 */
@Named
@ViewScoped
public class ResourcesBacking extends DockingPage {

    private static final long serialVersionUID = 1L;

    @EJB
    ResourceService resources;

    private List<ResourceService.Availability> available = List.of();
    private List<Place> grids = List.of();
    private List<Actor> providers = List.of();
    private PageModel<ResourceRow> model;

    private String sphere;
    private String category;
    private boolean availableNow;

    private String gridCode;
    private String newSphere;
    private String type;
    private String categoryCode;
    private String name;
    private String description;
    private Long providerActorId;
    private String providerName;
    private Integer capacity;
    private String unit;
    private String availableFrom;
    private String availableUntil;

    private Long editId;
    private String editName;
    private Integer editCapacity;
    private String editUntil;
    private String editStatus;

    @Override
    protected void refresh() {
        Actions.run("ledger", () -> {
            available = resources.availableNow(community);
            if (has(Right.HANDLE_NEEDS)) {
                grids = geography.gridCellChoices(community);
                providers = resources.providers(community);
            }
        });
    }

    public void add() {
        Actions.run("resource", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            LocalDate from = FormInputs.optionalDate("availableFrom", availableFrom, errors);
            LocalDate until = FormInputs.optionalDate("availableUntil", availableUntil, errors);
            errors.throwIfAny();
            Resource r = resources.add(new ResourceForm(community, gridCode, newSphere, type, categoryCode, name,
                    description, providerActorId, null, providerName, capacity, unit, from, until));
            FacesErrors.info("docking.resource.added", r.getName());
            name = null;
            description = null;
            refresh();
        });
    }

    /** A click on a ledger row: it goes into the change form. */
    public void edit(ResourceRow r) {
        editId = r.id();
        editName = r.name();
        editCapacity = r.capacity();
        editUntil = r.availableUntil() == null ? null : r.availableUntil().toString();
        editStatus = r.status();
    }

    public void change() {
        Actions.run("change", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            LocalDate until = FormInputs.optionalDate("availableUntil", editUntil, errors);
            errors.throwIfAny();
            resources.update(editId, editCapacity, until, editStatus);
            FacesErrors.info("docking.resource.changed", editName);
            refresh();
        });
    }

    public PageModel<ResourceRow> getModel() {
        if (model == null) {
            ResourceService service = resources;
            model = new PageModel<>(r -> service.ledger(community, sphere, category, availableNow, r), ResourceRow::id,
                    "ledger");
        }
        return model;
    }

    public List<String> getSpheres() {
        return Arrays.stream(Sphere.values()).map(Enum::name).toList();
    }

    public List<String> getTypes() {
        return Arrays.stream(ResourceType.values()).map(Enum::name).toList();
    }

    public List<String> getStatuses() {
        return Arrays.stream(ResourceStatus.values()).map(Enum::name).toList();
    }

    public List<ResourceService.Availability> getAvailable() { return available; }
    public List<Place> getGrids() { return grids; }
    public List<Actor> getProviders() { return providers; }
    public String getSphere() { return sphere; }
    public void setSphere(String v) { sphere = v; }
    public String getCategory() { return category; }
    public void setCategory(String v) { category = v; }
    public boolean isAvailableNow() { return availableNow; }
    public void setAvailableNow(boolean v) { availableNow = v; }
    public String getGridCode() { return gridCode; }
    public void setGridCode(String v) { gridCode = v; }
    public String getNewSphere() { return newSphere; }
    public void setNewSphere(String v) { newSphere = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getCategoryCode() { return categoryCode; }
    public void setCategoryCode(String v) { categoryCode = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public Long getProviderActorId() { return providerActorId; }
    public void setProviderActorId(Long v) { providerActorId = v; }
    public String getProviderName() { return providerName; }
    public void setProviderName(String v) { providerName = v; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer v) { capacity = v; }
    public String getUnit() { return unit; }
    public void setUnit(String v) { unit = v; }
    public String getAvailableFrom() { return availableFrom; }
    public void setAvailableFrom(String v) { availableFrom = v; }
    public String getAvailableUntil() { return availableUntil; }
    public void setAvailableUntil(String v) { availableUntil = v; }
    public Long getEditId() { return editId; }
    public String getEditName() { return editName; }
    public Integer getEditCapacity() { return editCapacity; }
    public void setEditCapacity(Integer v) { editCapacity = v; }
    public String getEditUntil() { return editUntil; }
    public void setEditUntil(String v) { editUntil = v; }
    public String getEditStatus() { return editStatus; }
    public void setEditStatus(String v) { editStatus = v; }
}
