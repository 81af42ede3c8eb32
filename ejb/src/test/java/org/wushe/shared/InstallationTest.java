package org.wushe.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationTest {

    private static final String[] KEYS = {Installation.DATA_DIR, "com.sun.aas.instanceRoot", "jboss.server.data.dir",
        "wushe.reports.dir", "wushe.import.inbox", "wushe.config"};
    private final Map<String, String> saved = new HashMap<>();

    @TempDir
    Path tmp;

    @BeforeEach
    void clear() {
        for (String k : KEYS) {
            saved.put(k, System.getProperty(k));
            System.clearProperty(k);
        }
    }

    @AfterEach
    void restore() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @Test
    void withoutASettingOrAServersDataDirectory_theErrorNamesTheSetting_neverTheUsersHome() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Installation::reportsDir);
        assertTrue(e.getMessage().contains("wushe.data.dir"), e.getMessage());
        assertThrows(IllegalStateException.class, Installation::inbox);
    }

    @Test
    void glassfishAndPayara_theDomainDirectory() {
        System.setProperty("com.sun.aas.instanceRoot", tmp.toString());
        assertEquals(tmp.resolve("wushe-reports"), Installation.reportsDir());
        assertEquals(tmp.resolve("wushe-inbox"), Installation.inbox());
        assertTrue(Files.isDirectory(tmp.resolve("wushe-inbox")));
    }

    @Test
    void wildfly_theServersDataDirectory() {
        System.setProperty("jboss.server.data.dir", tmp.toString());
        assertEquals(tmp.resolve("wushe-reports"), Installation.reportsDir());
    }

    @Test
    void theSettingWinsOverTheServer_andEachPlaceCanBeNamedApart() {
        System.setProperty("com.sun.aas.instanceRoot", tmp.resolve("domain").toString());
        System.setProperty(Installation.DATA_DIR, tmp.resolve("data").toString());
        assertEquals(tmp.resolve("data").resolve("wushe-inbox"), Installation.inbox());
        System.setProperty("wushe.reports.dir", tmp.resolve("elsewhere").toString());
        assertEquals(tmp.resolve("elsewhere"), Installation.reportsDir());
    }
}
