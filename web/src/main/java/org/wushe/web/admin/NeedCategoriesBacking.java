package org.wushe.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.wushe.docking.application.NeedCategories;
import org.wushe.docking.domain.NeedCategory;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;

/** The bureau's list of need categories: names in both languages, order, in use or not; and new ones. */
@Named
@ViewScoped
public class NeedCategoriesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    NeedCategories needCategories;

    /** One editable line of the list. */
    public static class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private String code;
        private String nameZh;
        private String nameEn;
        private Integer sortOrder;
        private boolean active = true;

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getNameZh() { return nameZh; }
        public void setNameZh(String nameZh) { this.nameZh = nameZh; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String nameEn) { this.nameEn = nameEn; }
        public Integer getSortOrder() { return sortOrder; }
        public void setSortOrder(Integer sortOrder) { this.sortOrder = sortOrder; }
        public boolean isActive() { return active; }
        public void setActive(boolean active) { this.active = active; }
    }

    private List<Line> lines = new ArrayList<>();
    private Line added = new Line();

    @PostConstruct
    void init() {
        lines = new ArrayList<>();
        for (NeedCategory c : needCategories.categories(true)) {
            Line l = new Line();
            l.code = c.getCode();
            l.nameZh = c.getNameZh();
            l.nameEn = c.getNameEn();
            l.sortOrder = c.getSortOrder();
            l.active = c.isActive();
            lines.add(l);
        }
    }

    /** Saves every line; a refused line keeps what was typed, the lines before it stay saved. */
    public void save() {
        for (Line l : lines) {
            if (!Actions.run("categories", () -> {
                needCategories.saveCategory(l.code, l.nameZh, l.nameEn, l.sortOrder == null ? 0 : l.sortOrder, l.active);
            })) {
                return;
            }
        }
        FacesErrors.info("docking.categories.saved");
        init();
    }

    public void add() {
        Actions.run("categories", () -> {
            if (added.code != null && lines.stream().anyMatch(l -> l.code.equalsIgnoreCase(added.code.strip()))) {
                FacesErrors.show(new org.wushe.shared.ConflictException("docking.categories.exists", "exists",
                        added.code.strip()), "categories");
                return;
            }
            needCategories.saveCategory(added.code, added.nameZh, added.nameEn,
                    added.sortOrder == null ? 0 : added.sortOrder, true);
            added = new Line();
            FacesErrors.info("docking.categories.saved");
            init();
        });
    }

    public List<Line> getLines() {
        return lines;
    }

    public Line getAdded() {
        return added;
    }
}
