package org.wushe.it.support;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.wushe.points.application.SettlementSources;
import org.wushe.points.domain.SourceType;

/**
 * PostgreSQL: what the planner's parallel setting is while a settlement page is read in a
 * transaction, and on a connection the pool hands out afterwards.
 */
@Stateless
public class PlanSettingProbe {

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @EJB
    SettlementSources sources;

    /** Whether the connection is to PostgreSQL. */
    public boolean postgresql() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().contains("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a page of unbooked service hours, then the setting, in one transaction (this method's). */
    public String settingAfterAPage() {
        sources.nextPage(SourceType.SERVICE_HOURS, 2, 0, 0, 10);
        return setting();
    }

    /** The setting on a connection of the pool, and the value the server starts connections with. */
    public String[] settingAndDefault() {
        return new String[] {setting(), query("SELECT reset_val FROM pg_settings WHERE name = 'max_parallel_workers_per_gather'")};
    }

    private String setting() {
        return query("SELECT current_setting('max_parallel_workers_per_gather')");
    }

    private String query(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
