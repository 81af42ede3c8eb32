package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.it.support.InstallationProbe;
import org.wushe.platform.DemoCityLoader;
import org.wushe.platform.DemoPolicy;
import org.wushe.platform.DemoPolicy.Decision;
import org.wushe.platform.DemoPolicy.Facts;

/**
 * The demo guard on the live database: the test server runs in demo mode on the demo city it loaded
 * (recorded as a DEMO installation); a production record or data that is not the demo city's makes
 * the guard refuse the demo. Every change is made in a transaction that is rolled back.
 */
@ExtendWith(ArquillianExtension.class)
class InstallationGuardIT {

    @EJB
    DemoCityLoader loader;

    @EJB
    InstallationProbe probe;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Test
    void theTestDatabase_isTheDemoItLoaded() {
        assertEquals("DEMO", probe.recordedKind());
        DemoPolicy.Verdict v = loader.verdict();
        assertEquals(Decision.ALREADY_LOADED, v.decision(), v.reason());
    }

    @Test
    void aProductionRecord_isRefusedTheDemo() {
        DemoPolicy.Verdict v = probe.verdictAfter("UPDATE installation SET kind = 'PRODUCTION' WHERE id = 1");
        assertEquals(Decision.REFUSE_DATA, v.decision(), v.reason());
        assertTrue(v.reason().contains("production"), v.reason());
        assertEquals("DEMO", probe.recordedKind(), "rolled back");
    }

    @Test
    void unrecordedDatabaseWithOtherAccounts_isRefusedTheDemo() {
        DemoPolicy.Verdict v = probe.verdictAfter("DELETE FROM installation",
                "UPDATE account SET username = 'bureau.zhang' WHERE username = 'operator'");
        assertEquals(Decision.REFUSE_DATA, v.decision(), v.reason());
        assertTrue(v.reason().contains("not the demo city's"), v.reason());
        assertEquals("DEMO", probe.recordedKind(), "rolled back");
        assertEquals(Decision.ALREADY_LOADED, loader.verdict().decision());
    }

    @Test
    void theDatabaseProduct_comesFromTheJdbcMetadata_andPostgresqlRefusesDemoModeUnlessAllowed() throws SQLException {
        boolean postgresql;
        try (Connection c = dataSource.getConnection()) {
            postgresql = c.getMetaData().getDatabaseProductName().contains("PostgreSQL");
        }
        Facts live = loader.facts();
        assertEquals(postgresql, live.postgresql());
        assertTrue(live.demoRequested(), "the test server runs in demo mode");
        Facts notAllowed = new Facts(true, live.postgresql(), false, live.recorded(), live.communities(),
                live.accounts(), live.foreignCommunities(), live.foreignAccounts());
        assertEquals(postgresql ? Decision.REFUSE_START : Decision.ALREADY_LOADED,
                DemoPolicy.decide(notAllowed).decision());
        Facts productionStart = new Facts(false, live.postgresql(), false, live.recorded(), live.communities(),
                live.accounts(), live.foreignCommunities(), live.foreignAccounts());
        assertEquals(Decision.REFUSE_START, DemoPolicy.decide(productionStart).decision(),
                "a production server refuses the demo database");
    }
}
