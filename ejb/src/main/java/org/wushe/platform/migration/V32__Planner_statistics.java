package org.wushe.platform.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.wushe.shared.SequenceIds;

/**
 * PostgreSQL only (nothing on Derby): tells the planner that a grid cell lies in one community.
 * The lists of a grid worker ask for {@code community_id = ? and grid_cell_id in (...)}; without
 * these statistics PostgreSQL multiplies the two conditions' selectivities as if they were
 * independent, expects a handful of rows where the grid worker's cells hold thousands, and sorts all
 * of them for a page of twenty (measured on a community of 8,000 needs: 23 ms a page instead of
 * 0.2 ms by the community's index in date order). The statistics are filled by the ANALYZE below
 * and kept by autovacuum's.
 *
 * <p>A Java migration because Derby has no {@code CREATE STATISTICS}; the SQL migrations stay the
 * same on both databases.
 */
public class V32__Planner_statistics extends BaseJavaMigration {

    static final List<String> POSTGRESQL = List.of(
            "CREATE STATISTICS st_need_community_grid (dependencies) ON community_id, grid_cell_id FROM need",
            "CREATE STATISTICS st_resident_community_grid (dependencies) ON community_id, grid_cell_id FROM resident",
            "ANALYZE need",
            "ANALYZE resident");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (SequenceIds.isDerby(c)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            for (String sql : POSTGRESQL) {
                s.execute(sql);
            }
        }
    }
}
