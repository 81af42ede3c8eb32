package org.wushe.docking.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One entry of the bureau's list of need categories (elderly care, children, ...). */
@Entity
@Table(name = "need_category")
public class NeedCategory {

    @Id
    @Column(length = 30)
    private String code;

    @Column(name = "name_zh", nullable = false, length = 50)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 50)
    private String nameEn;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false)
    private boolean active;

    @Version
    private int version;

    protected NeedCategory() {
    }

    public NeedCategory(String code, String nameZh, String nameEn, int sortOrder) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.sortOrder = sortOrder;
        this.active = true;
    }

    public void update(String nameZh, String nameEn, int sortOrder, boolean active) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.sortOrder = sortOrder;
        this.active = active;
    }

    public String getCode() { return code; }
    public String getNameZh() { return nameZh; }
    public String getNameEn() { return nameEn; }
    public int getSortOrder() { return sortOrder; }
    public boolean isActive() { return active; }
}
