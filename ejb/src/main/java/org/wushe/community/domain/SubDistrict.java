package org.wushe.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A sub-district (街道): the level between the city and its communities. */
@Entity
@Table(name = "sub_district")
public class SubDistrict {

    @Id
    @SequenceGenerator(name = "sub_district_seq", sequenceName = "sub_district_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sub_district_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 20)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @Version
    private int version;

    protected SubDistrict() {
    }

    public SubDistrict(String code, String name) {
        this.code = Codes.require("code", code);
        rename(name);
    }

    public void rename(String newName) {
        this.name = Codes.requireName("name", newName);
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
}
