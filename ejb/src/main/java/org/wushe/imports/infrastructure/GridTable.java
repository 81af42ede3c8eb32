package org.wushe.imports.infrastructure;

import org.wushe.shared.SequenceIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.imports.domain.ChunkResult;
import org.wushe.imports.domain.GridRow;
import org.wushe.imports.domain.LineProblem;

/**
 * Stores a chunk of good grid cell lines by code: new cells are inserted, a cell whose name differs
 * is renamed, an unchanged cell is left alone. A cell that meanwhile exists in another community is
 * refused ({@code import.grid.otherCommunity}): cells do not move by import.
 */
public final class GridTable {

    private GridTable() {
    }

    public static ChunkResult upsert(Connection c, List<GridRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return ChunkResult.NONE;
        }
        Map<String, Object[]> stored = new HashMap<>();
        for (List<GridRow> part : Sql.parts(rows)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT g.code, g.id, g.name, g.community_id, c.code"
                    + " FROM grid_cell g" + Sql.derbyUses("UQ_GRID_CELL_CODE")
                    + " JOIN community c ON c.id = g.community_id WHERE g.code IN ("
                    + Sql.marks(part.size()) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i).code());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), new Object[]{rs.getLong(2), rs.getString(3), rs.getLong(4),
                                rs.getString(5)});
                    }
                }
            }
        }
        long inserted = 0;
        long updated = 0;
        List<LineProblem> refused = new java.util.ArrayList<>();
        try (SequenceIds ids = new SequenceIds(c, "grid_cell_seq");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO grid_cell (id, code, name, community_id, version) VALUES (?, ?, ?, ?, 1)");
             PreparedStatement rename = c.prepareStatement(
                     "UPDATE grid_cell SET name = ?, version = version + 1 WHERE id = ?")) {
            for (GridRow r : rows) {
                Object[] s = stored.get(r.code());
                if (s == null) {
                    insert.setLong(1, ids.next());
                    insert.setString(2, r.code());
                    insert.setString(3, r.name());
                    insert.setLong(4, r.communityId());
                    insert.addBatch();
                    inserted++;
                } else if ((Long) s[2] != r.communityId()) {
                    refused.add(new LineProblem(r.line(), "grid_code", "import.grid.otherCommunity", r.code(), s[3]));
                } else if (!s[1].equals(r.name())) {
                    rename.setString(1, r.name());
                    rename.setLong(2, (Long) s[0]);
                    rename.addBatch();
                    updated++;
                }
            }
            if (inserted > 0) {
                insert.executeBatch();
            }
            if (updated > 0) {
                rename.executeBatch();
            }
        }
        return new ChunkResult(rows.size(), inserted, updated, rows.size() - inserted - updated - refused.size(),
                refused.size(), refused);
    }
}
