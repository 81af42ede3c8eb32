package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.community.domain.Gender;
import org.wushe.imports.application.ImportRunView;
import org.wushe.imports.application.ImportService;
import org.wushe.imports.domain.ImportKind;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.shared.protect.Sealed;

/** The grid cells and volunteers imports: good lines stored, bad ones reported, a re-run changing nothing. */
@ExtendWith(ArquillianExtension.class)
class GridAndVolunteerImportIT {

    @Inject
    Fixtures fixtures;

    @EJB
    ImportService imports;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    private static Path file(String name, String content, Charset cs) throws Exception {
        Path f = Files.createTempDirectory("wushe-import").resolve(name);
        Files.write(f, content.getBytes(cs));
        return f;
    }

    private ImportRunView run(ImportKind kind, Path f) {
        return runAs(ResidentImportIT.OPERATOR, () -> imports.importFile(kind, f, null, null, ResidentImportIT.chinese()));
    }

    private String value(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void grids_gbk_storedRenamedAndReported_rerunChangesNothing() throws Exception {
        Town t = fixtures.town("A", "B");
        String a = t.community("A");
        String b = t.community("B");
        String content = String.join("\n",
                String.join(",", ImportKind.GRIDS.header()),
                a + "," + a + "-G03,三网格",            // 2 new
                a + "," + a + "-G01,一网格（幸福里）",  // 3 rename
                a + "," + a + "-G02,二网格",            // 4 unchanged
                a + "," + b + "-G01,借用",              // 5 code of another community
                "Z999,Z999-G01,无",                     // 6 community unknown
                a + "," + a + "-G04,",                  // 7 name missing
                a + "," + a + "-G03,三网格",            // 8 duplicate of 2
                a + "," + a + "-G05") + "\n";           // 9 columns
        Path f = file("grids.csv", content, Charset.forName("GBK"));
        ImportRunView run = run(ImportKind.GRIDS, f);
        assertEquals("GBK", run.charset());
        assertEquals(1, run.inserted());
        assertEquals(1, run.updated());
        assertEquals(1, run.unchanged());
        assertEquals(5, run.rejected());
        assertEquals("三网格", value("select name from grid_cell where code = ?", a + "-G03"));
        assertEquals("一网格（幸福里）", value("select name from grid_cell where code = ?", a + "-G01"));
        assertEquals(List.of("5,grid_code,geo.gridCode.prefix", "5,grid_code,import.grid.otherCommunity",
                        "6,community_code,geo.community.unknown", "7,name,geo.name.required",
                        "8,grid_code,import.gridCode.duplicateInFile", "9,line,import.line.columns"),
                ResidentImportIT.reportRows(f.resolveSibling("grids.csv.report.csv")));

        ImportRunView again = run(ImportKind.GRIDS, f);
        assertEquals(0, again.inserted());
        assertEquals(0, again.updated());
        assertEquals(3, again.unchanged());
    }

    @Test
    void volunteers_certificationsOfRegisteredResidents_rerunChangesNothing_changedDatesUpdate() throws Exception {
        Town t = fixtures.town("A");
        String a = t.community("A");
        String zhang = ResidentImportIT.newId(Gender.MALE, LocalDate.of(1980, 5, 1));
        String li = ResidentImportIT.newId(Gender.FEMALE, LocalDate.of(1990, 7, 15));
        String stranger = ResidentImportIT.newId(Gender.MALE, LocalDate.of(1970, 1, 1));
        Path residents = file("residents.csv", String.join("\r\n",
                String.join(",", ImportKind.RESIDENTS.header()),
                zhang + ",张伟,男,1980-05-01,,," + a + "," + t.grid("A", 1) + ",",
                li + ",李娜,女,1990-07-15,,," + a + "," + t.grid("A", 2) + ",") + "\r\n", StandardCharsets.UTF_8);
        assertEquals(2, run(ImportKind.RESIDENTS, residents).inserted());

        String header = String.join(",", ImportKind.VOLUNTEERS.header());
        String good1 = zhang + ",张伟,ELDER_CARE,助老服务,2026-01-10,2028-01-09";
        String good2 = zhang + ",张伟,FIRST_AID,应急救护,2025-06-01,2027-05-31";
        String good3 = li + ",李娜,ELDER_CARE,助老服务,2026-01-10,2028-01-09";
        String content = String.join("\n", header, good1, good2, good3,
                stranger + ",王五,ELDER_CARE,助老服务,2026-01-10,2028-01-09",   // 5 no such resident
                li + ",李四,FIRST_AID,应急救护,2026-01-10,2028-01-09",           // 6 someone else's name
                zhang + ",张伟,elder_care,助老服务,2026-02-10,2028-02-09",       // 7 duplicate of 2
                zhang + ",张伟,CHILD_CARE,托育,2026-01-10,2025-01-09",           // 8 expires before issue
                zhang + ",张伟,CHILD_CARE,托育,2026-01-10") + "\n";              // 9 columns
        Path f = file("volunteers.csv", content, StandardCharsets.UTF_8);
        ImportRunView run = run(ImportKind.VOLUNTEERS, f);
        assertEquals(3, run.inserted());
        assertEquals(5, run.rejected());
        assertEquals(List.of("5,id_number,import.volunteer.unknownResident", "6,name,import.volunteer.nameMismatch",
                        "7,certification_code,import.certification.duplicateInFile",
                        "8,expires_on,certification.expiry.afterIssue", "9,line,import.line.columns"),
                ResidentImportIT.reportRows(f.resolveSibling("volunteers.csv.report.csv")));
        String expires = "select c.expires_on from certification c join resident r on r.id = c.resident_id"
                + " where r.id_number_hash = ? and c.certification_code = ? and c.issued_by_kind = 'IMPORT'";
        assertEquals("2028-01-09", value(expires, Sealed.hash(zhang), "ELDER_CARE"));
        assertEquals("import#" + run.id(), value("select c.issued_by from certification c join resident r"
                + " on r.id = c.resident_id where r.id_number_hash = ? and c.certification_code = 'FIRST_AID'", Sealed.hash(zhang)));

        ImportRunView again = run(ImportKind.VOLUNTEERS, f);
        assertEquals(0, again.inserted());
        assertEquals(0, again.updated());
        assertEquals(3, again.unchanged());

        Files.writeString(f, String.join("\n", header, good1.replace("2028-01-09", "2029-01-09"), good2, good3) + "\n");
        ImportRunView renewed = run(ImportKind.VOLUNTEERS, f);
        assertEquals(1, renewed.updated());
        assertEquals(2, renewed.unchanged());
        assertEquals("2029-01-09", value(expires, Sealed.hash(zhang), "ELDER_CARE"));
        assertTrue(value("select count(*) from certification c join resident r on r.id = c.resident_id"
                + " where r.id_number_hash = ?", Sealed.hash(zhang)).equals("2"), "no second copy of a renewed certification");
    }
}
