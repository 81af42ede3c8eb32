package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.it.support.PlanSettingProbe;

/**
 * PostgreSQL: the settlement reads its pages without parallel workers (their start cost more than
 * the page), for the page's transaction only; the pooled connection goes back with the server's
 * setting. Skipped on Derby, the suite's default database (config/postgresql-test.sh runs it).
 */
@ExtendWith(ArquillianExtension.class)
class SettlementPlanIT {

    @EJB
    PlanSettingProbe planSetting;

    @BeforeEach
    void onPostgresqlOnly() {
        Assumptions.assumeTrue(planSetting.postgresql(), "a PostgreSQL planner setting (the suite runs on Derby by default)");
    }

    @Test
    void aPageIsReadWithoutParallelWorkersAndThePooledConnectionGoesBackAsItWas() {
        assertEquals("0", planSetting.settingAfterAPage(), "no parallel plan for the rest of the page's transaction");
        for (int i = 0; i < 5; i++) {
            String[] now = planSetting.settingAndDefault();
            assertEquals(now[1], now[0], "a later transaction on a pooled connection has the server's setting again");
        }
    }
}
