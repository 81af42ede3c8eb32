package org.wushe.fund.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A spending category of the bureau's list (the migration seeds six). */
@Entity
@Table(name = "fund_category")
public class FundCategory {

    @Id
    @Column(length = 30)
    private String code;

    @Column(name = "name_zh", nullable = false, length = 50)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 50)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private CategoryKind kind;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false)
    private boolean active;

    @Version
    private int version;

    protected FundCategory() {
    }

    public FundCategory(String code, String nameZh, String nameEn, CategoryKind kind, int sortOrder) {
        this.code = code;
        update(nameZh, nameEn, kind, sortOrder, true);
    }

    public void update(String nameZh, String nameEn, CategoryKind kind, int sortOrder, boolean active) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.kind = kind;
        this.sortOrder = sortOrder;
        this.active = active;
    }

    public String getCode() { return code; }
    public String getNameZh() { return nameZh; }
    public String getNameEn() { return nameEn; }
    public CategoryKind getKind() { return kind; }
    public int getSortOrder() { return sortOrder; }
    public boolean isActive() { return active; }
}
