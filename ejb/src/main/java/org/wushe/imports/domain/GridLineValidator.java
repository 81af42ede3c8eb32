package org.wushe.imports.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wushe.community.domain.GridCell;
import org.wushe.shared.ValidationException;

/**
 * Checks the lines of a grid cells file ({@link ImportKind#GRIDS}) without the database: column
 * count, community known, the {@link GridCell} rules (code shape, code starting with the
 * community's code, name required and at most 100 characters), a cell that exists already in
 * another community (cells do not move by import), and the same code on an earlier good line.
 */
public final class GridLineValidator {

    private static final int COLUMNS = ImportKind.GRIDS.header().size();

    private final GeographyIndex geography;
    private final SeenKeys seen = new SeenKeys(1 << 10);

    public GridLineValidator(GeographyIndex geography) {
        this.geography = geography;
    }

    public LineResult<GridRow> validate(CsvLine line) {
        long n = line.line();
        if (line.values().size() != COLUMNS) {
            return new LineResult.Rejected<>(n, List.of(new LineProblem(n, "line", "import.line.columns",
                    COLUMNS, line.values().size())));
        }
        List<LineProblem> problems = new ArrayList<>(2);
        String communityCode = line.value(0);
        GeographyIndex.Place community = geography.community(communityCode).orElse(null);
        String code = line.value(1).toUpperCase(Locale.ROOT);
        if (communityCode.isEmpty()) {
            problems.add(new LineProblem(n, "community_code", "import.community.required"));
        } else if (community == null) {
            problems.add(new LineProblem(n, "community_code", "geo.community.unknown", communityCode));
        }
        if (community != null) {
            try {
                new GridCell(code, line.value(2), community.community());
            } catch (ValidationException e) {
                e.errors().forEach(error -> problems.add(LineProblem.of(n, error,
                        f -> f.equals("code") ? "grid_code" : f)));
            }
            GeographyIndex.Grid existing = geography.grid(code).orElse(null);
            if (existing != null && existing.communityId() != community.id()) {
                problems.add(new LineProblem(n, "grid_code", "import.grid.otherCommunity", code,
                        existing.cell().getCommunity().getCode()));
            }
        } else if (code.isEmpty()) {
            problems.add(new LineProblem(n, "grid_code", "geo.code.format"));
        }
        if (!problems.isEmpty()) {
            return new LineResult.Rejected<>(n, problems);
        }
        long first = seen.firstSeen(SeenKeys.ofText(code), n);
        if (first != 0) {
            return new LineResult.Rejected<>(n, List.of(new LineProblem(n, "grid_code", "import.gridCode.duplicateInFile",
                    first)));
        }
        return new LineResult.Accepted<>(n, new GridRow(n, community.id(), community.community().getCode(), code,
                line.value(2)));
    }
}
