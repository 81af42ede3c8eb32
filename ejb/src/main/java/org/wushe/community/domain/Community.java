package org.wushe.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A community (社区) with its code, e.g. {@code C001}. Every record of the workstation belongs to
 * one community; the community knows its sub-district, which is what sub-district scopes use.
 */
@Entity
@Table(name = "community")
public class Community {

    @Id
    @SequenceGenerator(name = "community_seq", sequenceName = "community_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "community_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 20)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "sub_district_id", nullable = false)
    private SubDistrict subDistrict;

    @Version
    private int version;

    protected Community() {
    }

    public Community(String code, String name, SubDistrict subDistrict) {
        this.code = Codes.require("code", code);
        rename(name);
        this.subDistrict = subDistrict;
    }

    public void rename(String newName) {
        this.name = Codes.requireName("name", newName);
    }

    public void moveTo(SubDistrict target) {
        this.subDistrict = target;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public SubDistrict getSubDistrict() {
        return subDistrict;
    }
}
