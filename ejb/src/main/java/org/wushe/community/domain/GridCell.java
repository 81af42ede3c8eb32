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
import org.wushe.shared.ValidationException;

/** A grid cell (网格) of one community, coded {@code <community>-G<nn>}, e.g. {@code C001-G03}. */
@Entity
@Table(name = "grid_cell")
public class GridCell {

    @Id
    @SequenceGenerator(name = "grid_cell_seq", sequenceName = "grid_cell_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "grid_cell_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 30)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id", nullable = false)
    private Community community;

    @Version
    private int version;

    protected GridCell() {
    }

    /** A grid cell's code must start with its community's code and a dash. */
    public GridCell(String code, String name, Community community) {
        String c = Codes.require("code", code);
        if (!c.startsWith(community.getCode() + "-")) {
            throw ValidationException.of("code", "geo.gridCode.prefix", community.getCode());
        }
        this.code = c;
        rename(name);
        this.community = community;
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

    public Community getCommunity() {
        return community;
    }
}
