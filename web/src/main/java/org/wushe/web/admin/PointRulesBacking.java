package org.wushe.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wushe.points.application.PointsService;
import org.wushe.points.domain.PointRule;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;

/** The bureau's point rules: one value per rule, changed and saved together. */
@Named
@ViewScoped
public class PointRulesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    PointsService points;

    private final Map<String, Long> values = new LinkedHashMap<>();

    @PostConstruct
    void init() {
        values.clear();
        for (PointRule r : points.rules()) {
            values.put(r.getCode(), r.getPoints());
        }
    }

    public void save() {
        Actions.run("rules", () -> {
            for (Map.Entry<String, Long> e : values.entrySet()) {
                points.setRule(e.getKey(), e.getValue() == null ? -1 : e.getValue());
            }
            FacesErrors.info("volunteering.saved");
            init();
        });
    }

    public Map<String, Long> getValues() {
        return values;
    }

    public java.util.List<String> getCodes() {
        return java.util.List.copyOf(values.keySet());
    }
}
