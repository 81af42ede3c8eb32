package org.wushe.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A department a joint meeting may invite (public security, health, civil affairs, judicial, and what the bureau adds). */
@Entity
@Table(name = "joint_department")
public class JointDepartment {

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

    protected JointDepartment() {
    }

    public JointDepartment(String code) {
        this.code = code;
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
