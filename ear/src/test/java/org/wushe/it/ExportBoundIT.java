package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.export.application.ListExports;

/**
 * An export beyond the bound, as the user meets it: the server's bound is lowered to 5 rows (in the
 * server), the social worker presses "导出 Excel" on a list of 200 residents and is told, beside the
 * button, to filter first (in the browser); the bound is restored whatever happened (in the server).
 * The browser's part lives in {@link ExportBoundClient}, a class the server never loads.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportBoundIT {

    @ArquillianResource
    URL base;

    @Test
    @Order(1)
    void lowerTheBound() {
        System.setProperty(ListExports.MAX_ROWS, "5");
    }

    @Test
    @Order(2)
    @RunAsClient
    void anExportBeyondTheBound_isRefusedBesideTheButton_tellingTheUserToFilter() {
        String message = ExportBoundClient.refusalShown(base);
        assertTrue(message.contains("超过单次导出上限 5 行") && message.contains("请先筛选"), message);
    }

    @Test
    @Order(3)
    void restoreTheBound() {
        System.clearProperty(ListExports.MAX_ROWS);
        assertTrue(ListExports.maxRows() == 50_000);
    }
}
