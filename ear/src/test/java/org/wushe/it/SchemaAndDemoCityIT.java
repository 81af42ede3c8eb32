package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.community.application.CommunityView;
import org.wushe.community.application.GeographyService;
import org.wushe.community.domain.IdNumber;
import org.wushe.platform.SchemaMigration;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.points.application.PointsService;
import org.wushe.points.domain.AccountKind;
import org.wushe.security.domain.Role;
import org.wushe.shared.SequenceIds;
import org.wushe.shared.protect.Sealed;

/** The migrations ran on deployment, and the demo city was loaded into the empty database. */
@ExtendWith(ArquillianExtension.class)
class SchemaAndDemoCityIT {

    @EJB
    SchemaMigration migration;

    @EJB
    GeographyService geography;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Test
    void migrations_areAppliedUpToTheNewestScript() throws SQLException {
        assertEquals("35", migration.version(), "the newest migration (db/migration and org.wushe.platform.migration)");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from \"schema_history\" where \"success\" = true")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 1, "schema_history records the applied migration");
        }
        Set<String> tables = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        assertTrue(tables.containsAll(Set.of("sub_district", "community", "grid_cell", "resident", "resident_tag",
                "resident_change", "actor", "account", "audit_entry")), "tables present: " + tables);
    }

    /**
     * V32 (a Java migration): on PostgreSQL the planner learns that a grid cell lies in one
     * community, for the needs and the residents; on Derby it is recorded and changes nothing.
     */
    @Test
    void plannerStatistics_existOnPostgresql_andV32IsRecordedOnBoth() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select \"type\", \"success\" from \"schema_history\" where \"version\" = '32'")) {
                assertTrue(rs.next(), "V32 is in the schema history");
                assertEquals("JDBC", rs.getString(1), "a Java migration");
                assertTrue(rs.getBoolean(2), "applied");
            }
            if (SequenceIds.isDerby(c)) {
                return;
            }
            Set<String> found = new HashSet<>();
            try (ResultSet rs = s.executeQuery("select stxrelid::regclass::text || ':' || stxname || ':' || stxkind::text "
                    + "from pg_statistic_ext where stxname in ('st_need_community_grid', 'st_resident_community_grid')")) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            assertEquals(Set.of("need:st_need_community_grid:{f}", "resident:st_resident_community_grid:{f}"), found,
                    "functional-dependency statistics on (community_id, grid_cell_id)");
        }
    }

    @Test
    void demoCity_hasFourCommunitiesWithFiveGridsAndValidResidents() throws SQLException {
        Page<CommunityView> page = runAs("admin", () -> geography.communities("SD01", PageRequest.of(0, 50)));
        assertEquals(2, page.total());
        for (String code : new String[]{"C001", "C002", "C003", "C004"}) {
            CommunityView c = runAs("admin", () -> geography.community(code));
            assertEquals(5, c.gridCells(), code + " grid cells");
            assertEquals(200, c.residents(), code + " residents");
        }
        int checked = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select r.id_number, r.birth_date, r.gender from resident r "
                     + "join community c on c.id = r.community_id where c.code in ('C001','C002','C003','C004')")) {
            while (rs.next()) {
                IdNumber id = IdNumber.parse(Sealed.open(rs.getString(1)), LocalDate.now());
                assertEquals(rs.getDate(2).toLocalDate(), id.birthDate());
                assertEquals(rs.getString(3), id.gender().code());
                checked++;
            }
        }
        assertEquals(800, checked);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(distinct account_role) from account")) {
            rs.next();
            assertEquals(Role.values().length, rs.getInt(1), "one demo account at least for every role");
        }
        org.wushe.points.application.Statement points = runAs("resident1", () -> this.points.myStatement(AccountKind.VOLUNTEER, PageRequest.of(0, 20)));
        assertTrue(points.totalEntries() >= 3, "three settled visits");
        assertTrue(points.balance() > 0);
    }

    @EJB
    PointsService points;

    @Test
    void demoCity_hasItsDockingAndTrainingInC001() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertTrue(count(st, "SELECT COUNT(DISTINCT n.status) FROM need n JOIN community c ON c.id = n.community_id "
                    + "WHERE c.code = 'C001'") >= 6, "needs at six steps of the loop");
            assertTrue(count(st, "SELECT COUNT(*) FROM docking_action WHERE due_on < CURRENT_DATE "
                    + "AND status IN ('PLANNED', 'STARTED')") >= 1, "one overdue action for the board");
            assertEquals(5, count(st, "SELECT COUNT(*) FROM certification WHERE certification_code = 'ELDER_CARE_BASIC' "
                    + "AND issued_by_kind = 'TRAINING'"), "resident1 and four neighbours passed last month's course");
            assertEquals(12, count(st, "SELECT COUNT(DISTINCT s.period_month) FROM ladder_snapshot s JOIN community c"
                    + " ON c.id = s.community_id WHERE c.code = 'C001'"), "the ladder of this month and the eleven before");
        }
    }

    @Test
    void demoCity_hasItsGridWorkAndCaseworkInC001() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            String c001 = " JOIN community c ON c.id = x.community_id WHERE c.code = 'C001'";
            assertTrue(count(st, "SELECT COUNT(*) FROM patrol x" + c001 + " AND x.social_worker_id IS NOT NULL") >= 2,
                    "joint patrols");
            assertEquals(5, count(st, "SELECT COUNT(DISTINCT x.status) FROM referral x" + c001),
                    "a referral in each state");
            assertTrue(count(st, "SELECT COUNT(*) FROM social_case x" + c001 + " AND x.stubborn = 1") >= 1,
                    "a stubborn case");
            assertTrue(count(st, "SELECT COUNT(*) FROM meeting_task x" + c001 + " AND x.status = 'OPEN' "
                    + "AND x.due_on < CURRENT_DATE") >= 1, "an overdue task of the joint meeting's plan");
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
