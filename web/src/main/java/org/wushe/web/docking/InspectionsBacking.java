package org.wushe.web.docking;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.wushe.community.application.SubDistrictView;
import org.wushe.docking.application.InspectionService;
import org.wushe.docking.domain.Inspection;
import org.wushe.security.domain.ScopeKind;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * The inspections a community received in a year, with how many and how many staff hours they
 * took, and the log form; for those who oversee several communities, the burden of every community
 * of a sub-district side by side.
 */
@Named
@ViewScoped
public class InspectionsBacking extends DockingPage {

    private static final long serialVersionUID = 1L;

    @EJB
    InspectionService inspections;

    private List<Inspection> list = List.of();
    private InspectionService.Burden burden;
    private List<SubDistrictView> subDistricts = List.of();
    private String subDistrict;
    private List<InspectionService.Burden> subDistrictBurden = List.of();

    private String inspectedOn = LocalDate.now().toString();
    private String inspectingBody;
    private String purpose;
    private String staffHours;
    private String materials;
    private String materialCount;

    @Override
    public void load() {
        super.load();
        if (isOverseer()) {
            Actions.run("subDistrict", () -> {
                subDistricts = geography.subDistricts();
                if ((subDistrict == null || subDistrict.isBlank()) && community != null) {
                    subDistrict = chooser.subDistrictCode(community);
                }
                if ((subDistrict == null || subDistrict.isBlank()) && !subDistricts.isEmpty()) {
                    subDistrict = subDistricts.get(0).code();
                }
                if (subDistrict != null) {
                    subDistrictBurden = inspections.subDistrictBurden(subDistrict, year);
                }
            });
        }
    }

    @Override
    protected void refresh() {
        Actions.run("inspection", () -> {
            list = inspections.list(community, year);
            burden = inspections.burden(community, year);
        });
    }

    public void log() {
        Actions.run("inspection", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            LocalDate on = FormInputs.optionalDate("inspectedOn", inspectedOn, errors);
            BigDecimal hours = FormInputs.optionalDecimal("staffHours", staffHours, errors);
            Integer count = FormInputs.optionalInteger("materialCount", materialCount, errors);
            errors.throwIfAny();
            inspections.log(community, on, inspectingBody, purpose, hours, materials, count);
            FacesErrors.info("docking.inspection.logged", inspectingBody);
            inspectingBody = null;
            purpose = null;
            staffHours = null;
            materials = null;
            materialCount = null;
            refresh();
        });
    }

    /** Whether the caller oversees communities (a sub-district officer, the bureau). */
    public boolean isOverseer() {
        return me.scopeKind() == ScopeKind.SUB_DISTRICTS || me.scopeKind() == ScopeKind.CITY;
    }

    public List<Inspection> getList() { return list; }
    public InspectionService.Burden getBurden() { return burden; }
    public List<SubDistrictView> getSubDistricts() { return subDistricts; }
    public String getSubDistrict() { return subDistrict; }
    public void setSubDistrict(String v) { subDistrict = v; }
    public List<InspectionService.Burden> getSubDistrictBurden() { return subDistrictBurden; }
    public String getInspectedOn() { return inspectedOn; }
    public void setInspectedOn(String v) { inspectedOn = v; }
    public String getInspectingBody() { return inspectingBody; }
    public void setInspectingBody(String v) { inspectingBody = v; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String v) { purpose = v; }
    public String getStaffHours() { return staffHours; }
    public void setStaffHours(String v) { staffHours = v; }
    public String getMaterials() { return materials; }
    public void setMaterials(String v) { materials = v; }
    public String getMaterialCount() { return materialCount; }
    public void setMaterialCount(String v) { materialCount = v; }
}
