package org.wushe.imports.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.SubDistrict;

/**
 * The city's communities and grid cells by code, held in memory for the length of an import
 * (3,000 communities and 20,000 cells are a few megabytes), so that checking a line never asks
 * the database. The cells are the domain's own {@link GridCell} objects, so the resident rules
 * check them as they do for a form.
 */
public final class GeographyIndex {

    /** A grid cell with the ids a writer stores. */
    public record Grid(long id, long communityId, GridCell cell) {
    }

    /** A community with its id. */
    public record Place(long id, Community community) {
    }

    private static final SubDistrict ANY = new SubDistrict("SD", "import");

    private final Map<String, Place> communities = new HashMap<>();
    private final Map<String, Grid> grids = new HashMap<>();

    /** Adds a community (its sub-district does not matter to the imports). */
    public GeographyIndex community(long id, String code, String name) {
        Community c = new Community(code, name, ANY);
        communities.put(c.getCode(), new Place(id, c));
        return this;
    }

    /** Adds a grid cell of a community added before. */
    public GeographyIndex grid(long id, String code, String name, String communityCode) {
        Place c = communities.get(norm(communityCode));
        if (c == null) {
            throw new IllegalArgumentException("community " + communityCode + " not added before its grid " + code);
        }
        GridCell g = new GridCell(code, name, c.community());
        grids.put(g.getCode(), new Grid(id, c.id(), g));
        return this;
    }

    public Optional<Place> community(String code) {
        return Optional.ofNullable(code == null ? null : communities.get(norm(code)));
    }

    public Optional<Grid> grid(String code) {
        return Optional.ofNullable(code == null ? null : grids.get(norm(code)));
    }

    public int communityCount() {
        return communities.size();
    }

    public int gridCount() {
        return grids.size();
    }

    private static String norm(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
