package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.ResourceBundle;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.IdNumber;
import org.wushe.imports.application.ImportRunView;
import org.wushe.imports.application.ImportRuns;
import org.wushe.imports.application.ImportService;
import org.wushe.imports.domain.Encodings;
import org.wushe.imports.domain.ImportKind;
import org.wushe.imports.domain.LineProblem;
import org.wushe.shared.protect.Sealed;
import org.wushe.community.application.ResidentFilter;
import org.wushe.community.application.ResidentView;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.imports.domain.ImportRun;
import org.wushe.imports.domain.ReasonText;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.shared.NotPermittedException;

/**
 * The residents import in the container: a file with every kind of bad line, in UTF-8 with BOM and
 * CRLF and in GBK with LF; the good lines stored, the bad ones reported by line, field and reason,
 * and a second run of the same file changing nothing.
 */
@ExtendWith(ArquillianExtension.class)
class ResidentImportIT {

    static final String OPERATOR = "operator";
    static final String HEADER = String.join(",", ImportKind.RESIDENTS.header());

    @Inject
    Fixtures fixtures;

    @EJB
    ImportService imports;

    @EJB
    ImportRuns runs;

    @EJB
    org.wushe.community.application.ResidentService residents;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    static ReasonText chinese() {
        return ReasonText.of(ResourceBundle.getBundle(ReasonText.BUNDLE, Locale.SIMPLIFIED_CHINESE));
    }

    /** ID numbers no other test uses: a random region and birth day. */
    static String newId(Gender gender, LocalDate birth) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return IdNumber.compose(String.valueOf(310000 + r.nextInt(89_999)), birth, r.nextInt(500), gender);
    }

    /** The test file: good lines 2, 3 and 17; blank lines 4 and 16; every other line bad in one way. */
    record Sample(String content, String first, String second, String third, Town town) {
    }

    Sample sample(String eol) {
        Town t = fixtures.town("A", "B");
        String a = t.community("A");
        String g1 = t.grid("A", 1);
        String g2 = t.grid("A", 2);
        String bGrid = t.grid("B", 1);
        LocalDate b1 = LocalDate.of(1949, 12, 31);
        LocalDate b2 = LocalDate.of(1988, 2, 29);
        String first = newId(Gender.FEMALE, b1);
        String second = newId(Gender.MALE, b2);
        String third = newId(Gender.FEMALE, b2);
        String other = newId(Gender.MALE, b1);
        String badCheck = other.substring(0, 17) + (other.charAt(17) == '0' ? '1' : '0');
        List<String> lines = List.of(
                HEADER,
                first + ",王秀英,女,1949-12-31,13912345678,幸福路8号1栋101室," + a + "," + g1 + ",独居老人;党员",   // 2 good
                second + ",张伟,男,1988-02-29,,," + a + "," + g2 + ",",                                               // 3 good
                "",                                                                                                // 4 blank
                other + ",李强,男,1949-12-31",                                                                     // 5 columns
                badCheck + ",李强,男,1949-12-31,13912345678,," + a + "," + g1 + ",",                               // 6 checksum
                other + ",李强,女,1949-12-31,13912345678,," + a + "," + g1 + ",",                                  // 7 gender
                other + ",李强,男,1950-12-31,13912345678,," + a + "," + g1 + ",",                                  // 8 birth date
                other + ",李强,男,1949-12-31,0271234567,," + a + "," + g1 + ",",                                   // 9 phone
                other + ",李强,男,1949-12-31,,,Z999," + g1 + ",",                                                  // 10 community
                other + ",李强,男,1949-12-31,,," + a + "," + bGrid + ",",                                          // 11 grid of B
                other + ",李强,男,1949-12-31,,," + a + "," + a + "-G99,",                                          // 12 grid unknown
                other + ",,男,1949-12-31,,," + a + "," + g1 + ",",                                                 // 13 name
                other + ",李强,男,1949-12-31,,," + a + "," + g1 + ",退役军人;富豪",                               // 14 tag
                first + ",王秀英,女,1949-12-31,,," + a + "," + g1 + ",",                                           // 15 duplicate of 2
                ",,,,,,,,",                                                                                        // 16 blank
                third + ",\"刘芳, 小芳\",女,1988-02-29,,\"和平路\"\"9\"\"号\"," + a + "," + g2 + ",慢性病",           // 17 good
                other + ",李强,男,1949/12/31,,," + a + "," + g1 + ",");                                            // 18 date format
        return new Sample(String.join(eol, lines) + eol, first, second, third, t);
    }

    static Path write(Sample s, Charset cs, boolean bom) throws IOException {
        Path dir = Files.createTempDirectory("wushe-import");
        Path f = dir.resolve("residents.csv");
        byte[] body = s.content().getBytes(cs);
        try (var out = Files.newOutputStream(f)) {
            if (bom) {
                out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write(body);
        }
        return f;
    }

    static final List<String> EXPECTED_PROBLEMS = List.of(
            "5,line,import.line.columns",
            "6,id_number,resident.idNumber.checksum",
            "7,gender,resident.gender.mismatch",
            "8,birth_date,resident.birthDate.mismatch",
            "9,phone,resident.phone.format",
            "10,community_code,geo.community.unknown",
            "10,grid_code,resident.grid.otherCommunity",
            "11,grid_code,resident.grid.otherCommunity",
            "12,grid_code,resident.grid.unknown",
            "13,name,resident.name.required",
            "14,tags,import.tag.unknown",
            "15,id_number,import.idNumber.duplicateInFile",
            "18,birth_date,resident.birthDate.format");

    /** The report's rows as line,field,key, and checks its form. */
    static List<String> reportRows(Path report) throws IOException {
        byte[] bytes = Files.readAllBytes(report);
        assertTrue(bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF, "UTF-8 with BOM");
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertEquals("\uFEFFline,field,reason_key,reason_args,reason", lines.get(0));
        List<String> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] cells = l.split(",", 4);
            rows.add(cells[0] + "," + cells[1] + "," + cells[2]);
        }
        return rows;
    }

    private void assertStored(Sample s) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select r.name, r.gender, r.birth_date, r.phone, r.address, g.code,"
                     + " (select count(*) from resident_tag t where t.resident_id = r.id)"
                     + " from resident r join grid_cell g on g.id = r.grid_cell_id where r.id_number_hash = ?")) {
            ps.setString(1, Sealed.hash(s.first()));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("王秀英", rs.getString(1));
                assertEquals("F", rs.getString(2).trim());
                assertEquals(LocalDate.of(1949, 12, 31), rs.getDate(3).toLocalDate());
                assertEquals("13912345678", Sealed.open(rs.getString(4)));
                assertEquals("幸福路8号1栋101室", rs.getString(5));
                assertEquals(s.town().grid("A", 1), rs.getString(6));
                assertEquals(2, rs.getInt(7));
            }
            ps.setString(1, Sealed.hash(s.second()));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("张伟", rs.getString(1));
                assertEquals(null, rs.getString(4));
                assertEquals(0, rs.getInt(7));
            }
            ps.setString(1, Sealed.hash(s.third()));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("刘芳, 小芳", rs.getString(1));
                assertEquals("和平路\"9\"号", rs.getString(5));
            }
        }
        assertEquals(3, count("select count(*) from resident r join community c on c.id = r.community_id"
                + " where c.code in (?, ?)", s.town().community("A"), s.town().community("B")));
    }

    private long count(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void runTwice(Charset cs, boolean bom, String eol, String expectedCharset) throws Exception {
        Sample s = sample(eol);
        Path file = write(s, cs, bom);
        ImportRunView run = runAs(OPERATOR, () -> imports.importFile(ImportKind.RESIDENTS, file, null, null, chinese()));

        assertEquals(ImportRun.Status.COMPLETED, run.status());
        assertEquals(expectedCharset, run.charset());
        assertEquals(15, run.linesRead(), "the non-blank lines");
        assertEquals(3, run.inserted());
        assertEquals(12, run.rejected());
        assertEquals(0, run.updated());
        assertStored(s);
        Path report = file.resolveSibling("residents.csv.report.csv");
        assertEquals(report.toString(), run.reportPath());
        assertEquals(EXPECTED_PROBLEMS, reportRows(report));
        String text = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(text.contains("未知的标签：富豪。"), text);
        assertTrue(text.contains("身份证号与本文件第 2 行重复"), text);
        assertTrue(text.contains("本行应有 9 列，实际有 4 列。"), text);
        assertEquals(3, count("select count(*) from resident_change where changed_by = ? and field_name = 'created'",
                "import#" + run.id()));

        long history = count("select count(*) from resident_change ch join resident r on r.id = ch.resident_id"
                + " where r.id_number_hash in (?, ?, ?)", Sealed.hash(s.first()), Sealed.hash(s.second()),
                Sealed.hash(s.third()));
        long versions = count("select sum(version) from resident where id_number_hash in (?, ?, ?)",
                Sealed.hash(s.first()), Sealed.hash(s.second()), Sealed.hash(s.third()));
        ImportRunView again = runAs(OPERATOR, () -> imports.importFile(ImportKind.RESIDENTS, file, null, null, chinese()));
        assertEquals(0, again.inserted());
        assertEquals(0, again.updated());
        assertEquals(3, again.unchanged());
        assertEquals(12, again.rejected());
        assertEquals(history, count("select count(*) from resident_change ch join resident r on r.id = ch.resident_id"
                + " where r.id_number_hash in (?, ?, ?)", Sealed.hash(s.first()), Sealed.hash(s.second()),
                Sealed.hash(s.third())), "no new history");
        assertEquals(versions, count("select sum(version) from resident where id_number_hash in (?, ?, ?)",
                Sealed.hash(s.first()), Sealed.hash(s.second()), Sealed.hash(s.third())), "no row rewritten");
        assertStored(s);
    }

    @Test
    void utf8WithBomAndCrlf_goodLinesStored_badLinesReported_rerunChangesNothing() throws Exception {
        runTwice(StandardCharsets.UTF_8, true, "\r\n", "UTF-8");
    }

    @Test
    void gbkWithLf_detected_goodLinesStored_badLinesReported_rerunChangesNothing() throws Exception {
        runTwice(Charset.forName("GBK"), false, "\n", "GBK");
    }

    @Test
    void utf8WithoutBom_givenCharset_isUsed() throws Exception {
        Sample s = sample("\n");
        Path file = write(s, StandardCharsets.UTF_8, false);
        ImportRunView run = runAs(OPERATOR, () -> imports.importFile(ImportKind.RESIDENTS, file,
                Encodings.named("UTF-8"), file.resolveSibling("out/report.csv"), chinese()));
        assertEquals(3, run.inserted());
        assertEquals(EXPECTED_PROBLEMS, reportRows(file.resolveSibling("out/report.csv")));
    }

    @Test
    void changedLine_updatesOnlyWhatChanged_andRecordsItAsTheRunsChange() throws Exception {
        Sample s = sample("\n");
        Path file = write(s, StandardCharsets.UTF_8, false);
        runAs(OPERATOR, () -> imports.importFile(ImportKind.RESIDENTS, file, null, null, chinese()));
        String changed = s.content().replace("13912345678,幸福路8号1栋101室", "13800000000,幸福路8号1栋101室")
                .replace("独居老人;党员", "党员");
        Files.writeString(file, changed, StandardCharsets.UTF_8);
        ImportRunView run = runAs(OPERATOR, () -> imports.importFile(ImportKind.RESIDENTS, file, null, null, chinese()));
        assertEquals(1, run.updated());
        assertEquals(2, run.unchanged());
        String first = Sealed.hash(s.first());
        assertEquals(2, count("select count(*) from resident_change ch join resident r on r.id = ch.resident_id"
                + " where r.id_number_hash = ? and ch.changed_by = ?", first, "import#" + run.id()));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select ch.old_value, ch.new_value from resident_change ch"
                     + " join resident r on r.id = ch.resident_id where r.id_number_hash = ? and ch.field_name = 'phone'")) {
            ps.setString(1, first);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(rs.getString(1).contains("13912345678"), "the history keeps phones encrypted");
                assertEquals("13912345678", Sealed.open(rs.getString(1)));
                assertEquals("13800000000", Sealed.open(rs.getString(2)));
                assertFalse(rs.next());
            }
        }
        assertEquals(1, count("select count(*) from resident_tag t join resident r on r.id = t.resident_id"
                + " where r.id_number_hash = ? and t.tag_code = 'PARTY_MEMBER'", first));
        assertEquals(1, count("select count(*) from resident_tag t join resident r on r.id = t.resident_id"
                + " where r.id_number_hash = ?", first));
    }

    /**
     * An older 15-digit ID number is the resident of its 18-digit form (century 19, check character
     * computed): a file line with it updates that resident instead of registering a second one, a
     * file with both forms of one number refuses the second as a duplicate, a form refuses it as
     * registered already, and the residents list finds the resident by it.
     */
    @Test
    void anOld15DigitNumber_isTheResidentOfIts18DigitForm_inFilesFormsAndTheList() throws Exception {
        Town t = fixtures.town("F");
        String a = t.community("F");
        String g = t.grid("F", 1);
        String full = newId(Gender.FEMALE, LocalDate.of(1956, 3, 8));
        String old = full.substring(0, 6) + full.substring(8, 17);
        assertEquals(15, old.length());
        Path dir = Files.createTempDirectory("wushe-import-15");
        Path first = Files.writeString(dir.resolve("residents-18.csv"), HEADER + "\n"
                + full + ",陈桂兰,女,1956-03-08,,," + a + "," + g + ",\n", StandardCharsets.UTF_8);
        ImportRunView registered = runAs(OPERATOR, () -> imports.importFile(ImportKind.RESIDENTS, first, null, null, chinese()));
        assertEquals(1, registered.inserted(), () -> "registered with 18 digits: " + registered);

        Path second = Files.writeString(dir.resolve("residents-15.csv"), HEADER + "\n"
                + old + ",陈桂兰,女,1956-03-08,,幸福路1号," + a + "," + g + ",\n", StandardCharsets.UTF_8);
        ImportRunView moved = runAs(OPERATOR, () -> imports.importFile(ImportKind.RESIDENTS, second, null, null, chinese()));
        assertEquals(0, moved.inserted(), () -> "no second resident: " + moved);
        assertEquals(1, moved.updated(), () -> "the 18-digit resident's address changed: " + moved);
        assertEquals(1, count("select count(*) from resident where id_number_hash = ?", Sealed.hash(full)));
        assertEquals(1, count("select count(*) from resident r join community c on c.id = r.community_id"
                + " where c.code = ?", a), "one resident in the community");

        Path both = Files.writeString(dir.resolve("residents-both.csv"), HEADER + "\n"
                + full + ",陈桂兰,女,1956-03-08,,幸福路1号," + a + "," + g + ",\n"
                + old + ",陈桂兰,女,1956-03-08,,幸福路2号," + a + "," + g + ",\n", StandardCharsets.UTF_8);
        ImportRunView twice = runAs(OPERATOR, () -> imports.importFile(ImportKind.RESIDENTS, both, null, null, chinese()));
        assertEquals(1, twice.unchanged());
        assertEquals(1, twice.rejected());
        List<LineProblem> problems = runAs(OPERATOR, () -> runs.problems(twice.id(), 0, 10));
        assertEquals(1, problems.size(), () -> problems.toString());
        assertEquals(3, problems.get(0).line());
        assertEquals("import.idNumber.duplicateInFile", problems.get(0).key());
        assertEquals(List.of("2"), problems.get(0).args(), "the duplicate of line 2, written with 18 digits");

        String cadre = fixtures.staff(t, "cadre15", org.wushe.security.domain.Role.COMMUNITY_CADRE, "F");
        Page<ResidentView> found = runAs(cadre, () -> residents.list(new ResidentFilter(a, null, null, null, old),
                PageRequest.of(0, 10)));
        assertEquals(1, found.total(), "the list finds the resident by the 15-digit number");
        assertEquals("陈桂兰", found.items().get(0).name());

        org.wushe.shared.ValidationException refused = assertThrows(org.wushe.shared.ValidationException.class,
                () -> runAs(cadre, () -> residents.register(new org.wushe.community.domain.ResidentData(old, "陈桂兰",
                        Gender.FEMALE, LocalDate.of(1956, 3, 8), null, null, a, g, java.util.Set.of()))));
        assertEquals("resident.idNumber.duplicate", refused.errors().get(0).key(), "registered already, as 18 digits");
    }

    /**
     * One file with every kind of line in one chunk: new residents (one with a value holding a
     * backslash, a tab and a line break, one with nothing optional), a changed one, an unchanged one
     * and a bad one; every stored field read back through the residents' own service (decrypted),
     * the hashes beside the encrypted values, the tags, the history entries and the counts.
     */
    @Test
    void newChangedUnchangedAndBadLines_everyStoredFieldAndHistoryEntry() throws Exception {
        Town t = fixtures.town("A");
        String a = t.community("A");
        String g1 = t.grid("A", 1);
        String g2 = t.grid("A", 2);
        String social = fixtures.staff(t, "social", org.wushe.security.domain.Role.SOCIAL_WORKER, "A");
        LocalDate b1 = LocalDate.of(1952, 3, 4);
        LocalDate b2 = LocalDate.of(1990, 7, 8);
        String kept = newId(Gender.MALE, b1);
        String changed = newId(Gender.FEMALE, b2);
        String fresh = newId(Gender.FEMALE, b1);
        String bare = newId(Gender.MALE, b2);
        String bad = fresh.substring(0, 17) + (fresh.charAt(17) == '0' ? '1' : '0');
        String keptLine = kept + ",赵磊,男,1952-03-04,13900000001,东湖路1号," + a + "," + g1 + ",退役军人";
        Path file = Files.createTempDirectory("wushe-import").resolve("residents.csv");
        Files.writeString(file, String.join("\n", HEADER, keptLine,
                changed + ",周敏,女,1990-07-08,13900000002,东湖路2号," + a + "," + g1 + ",低保户;残疾人") + "\n",
                StandardCharsets.UTF_8);
        ImportRunView base = runAs(OPERATOR, () -> imports.importFile(ImportKind.RESIDENTS, file, null, null, chinese()));
        assertEquals(2, base.inserted());

        String address = "和平路\\9号\t2栋\n3单元";   // backslash, tab, line break: kept as they are
        Files.writeString(file, String.join("\n", HEADER,
                fresh + ",\"王秀英\",女,1952-03-04,13912345678,\"" + address + "\"," + a + "," + g2 + ",独居老人;党员", // 2 new
                keptLine,                                                                                          // 4 unchanged
                changed + ",周敏敏,女,1990-07-08,,东湖路2号," + a + "," + g2 + ",低保户",                           // 5 changed
                bad + ",李强,女,1952-03-04,,," + a + "," + g1 + ",",                                              // 6 bad
                bare + ",张伟,男,1990-07-08,,," + a + "," + g1 + ",") + "\n",                                    // 7 new
                StandardCharsets.UTF_8);
        ImportRunView run = runAs(OPERATOR, () -> imports.importFile(ImportKind.RESIDENTS, file, null, null, chinese()));
        assertEquals(ImportRun.Status.COMPLETED, run.status());
        assertEquals(List.of(5L, 2L, 1L, 1L, 1L), List.of(run.linesRead(), run.inserted(), run.updated(), run.unchanged(),
                run.rejected()));
        assertEquals(List.of("6,id_number,resident.idNumber.checksum"),
                reportRows(file.resolveSibling("residents.csv.report.csv")));
        String by = "import#" + run.id();

        long freshId = idOf(fresh);
        var f = runAs(social, () -> residents.reveal(freshId, "核对导入"));
        assertEquals(List.of(fresh, "王秀英", "FEMALE", b1, "13912345678", address, a, g2,
                        java.util.EnumSet.of(org.wushe.community.domain.ResidentTag.ELDERLY_ALONE,
                                org.wushe.community.domain.ResidentTag.PARTY_MEMBER), 1),
                List.of(f.idNumber(), f.name(), f.gender(), f.birthDate(), f.phone(), f.address(), f.communityCode(),
                        f.gridCode(), f.tags(), f.version()));
        assertRaw(fresh, "13912345678");
        var freshHistory = runAs(social, () -> residents.history(freshId));
        assertEquals(1, freshHistory.size());
        assertEquals(List.of(by, "created", "line 2"), List.of(freshHistory.get(0).changedBy(),
                freshHistory.get(0).field(), freshHistory.get(0).newValue()));
        assertEquals(null, freshHistory.get(0).oldValue());

        long bareId = idOf(bare);
        var n = runAs(social, () -> residents.reveal(bareId, "核对导入"));
        assertEquals(java.util.Arrays.asList(bare, "张伟", "MALE", b2, null, null, g1, Set.of(), 1),
                java.util.Arrays.asList(n.idNumber(), n.name(), n.gender(), n.birthDate(), n.phone(), n.address(),
                        n.gridCode(), n.tags(), n.version()));
        assertRaw(bare, null);
        assertEquals(List.of("created:line 7"), runAs(social, () -> residents.history(bareId)).stream()
                .map(h -> h.field() + ":" + h.newValue()).toList());

        long changedId = idOf(changed);
        var ch = runAs(social, () -> residents.reveal(changedId, "核对导入"));
        assertEquals(java.util.Arrays.asList("周敏敏", null, "东湖路2号", g2,
                        Set.of(org.wushe.community.domain.ResidentTag.LOW_INCOME), 2),
                java.util.Arrays.asList(ch.name(), ch.phone(), ch.address(), ch.gridCode(), ch.tags(), ch.version()));
        assertRaw(changed, null);
        var changes = runAs(social, () -> residents.history(changedId)).stream()
                .filter(h -> h.changedBy().equals(by)).map(h -> h.field()).sorted().toList();
        assertEquals(List.of("gridCode", "name", "phone", "tags"), changes);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select ch.field_name, ch.old_value, ch.new_value from resident_change ch"
                     + " where ch.resident_id = ? and ch.changed_by = ? order by ch.id")) {
            ps.setLong(1, changedId);
            ps.setString(2, by);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String old = rs.getString(2);
                    String nu = rs.getString(3);
                    if (rs.getString(1).equals("phone")) {
                        assertTrue(Sealed.isSealed(old), "the history keeps phones encrypted");
                        old = Sealed.open(old);
                    }
                    rows.add(rs.getString(1) + ":" + old + ">" + nu);
                }
            }
            assertEquals(List.of("name:周敏>周敏敏", "phone:13900000002>null", "gridCode:" + g1 + ">" + g2,
                    "tags:DISABLED;LOW_INCOME>LOW_INCOME"), rows);
        }

        long keptId = idOf(kept);
        assertEquals(1, runAs(social, () -> residents.reveal(keptId, "核对导入")).version(), "unchanged: not written");
        assertEquals(List.of("created"), runAs(social, () -> residents.history(keptId)).stream().map(h -> h.field()).toList());
        assertEquals(0, count("select count(*) from resident where id_number_hash = ?", Sealed.hash(bad)));
    }

    private long idOf(String idNumber) throws SQLException {
        return count("select id from resident where id_number_hash = ?", Sealed.hash(idNumber));
    }

    /** The row as stored: ID number and phone encrypted, their keyed hashes beside them, both times equal. */
    private void assertRaw(String idNumber, String phone) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id_number, phone, phone_hash, created_at, updated_at"
                     + " from resident where id_number_hash = ?")) {
            ps.setString(1, Sealed.hash(idNumber));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(Sealed.isSealed(rs.getString(1)), "the ID number is stored encrypted");
                assertEquals(idNumber, Sealed.open(rs.getString(1)));
                assertEquals(phone, Sealed.open(rs.getString(2)));
                assertEquals(Sealed.hash(phone), rs.getString(3));
                assertTrue(rs.getTimestamp(4) != null && rs.getTimestamp(5) != null);
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void wrongHeader_storesNothing_andReportsLine1() throws Exception {
        Sample s = sample("\n");
        Path file = write(s, StandardCharsets.UTF_8, false);
        Files.writeString(file, s.content().replace(HEADER, "身份证号,姓名,性别,出生日期,手机,住址,社区,网格,标签"),
                StandardCharsets.UTF_8);
        ImportRunView run = runAs(OPERATOR, () -> imports.importFile(ImportKind.RESIDENTS, file, null, null, chinese()));
        assertEquals(ImportRun.Status.FAILED, run.status());
        assertEquals(0, run.linesRead());
        assertEquals(List.of("1,file,import.header.wrong"), reportRows(file.resolveSibling("residents.csv.report.csv")));
        assertEquals(0, count("select count(*) from resident where id_number_hash = ?", Sealed.hash(s.first())));
    }

    @Test
    void runsAndReport_areReadByTheOperator_inEitherLanguage() throws Exception {
        Sample s = sample("\n");
        Path file = write(s, StandardCharsets.UTF_8, false);
        ImportRunView run = runAs(OPERATOR, () -> imports.importFile(ImportKind.RESIDENTS, file, null, null, chinese()));
        ImportRunView seen = runAs(OPERATOR, () -> runs.view(run.id()));
        assertEquals(List.of(run.id(), 3L, 12L, ImportRun.Status.COMPLETED, "operator"),
                List.of(seen.id(), seen.inserted(), seen.rejected(), seen.status(), seen.startedBy()));
        assertTrue(runAs(OPERATOR, () -> runs.recent(20)).stream().anyMatch(r -> r.id() == run.id()));
        assertEquals(13, runAs(OPERATOR, () -> runs.problems(run.id(), 0, 100)).size());
        assertEquals(List.of(18L), runAs(OPERATOR, () -> runs.problems(run.id(), 15, 100)).stream()
                .map(p -> p.line()).toList(), "the problems after line 15");
    }

    @Test
    void download_inEnglish() throws Exception {
        Sample s = sample("\n");
        Path file = write(s, StandardCharsets.UTF_8, false);
        ImportRunView run = runAs(OPERATOR, () -> imports.importFile(ImportKind.RESIDENTS, file, null, null, chinese()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = runAs(OPERATOR, () -> runs.download(run.id(), out, ReasonText.of(
                ResourceBundle.getBundle(ReasonText.BUNDLE, Locale.ENGLISH))));
        assertEquals(13, rows);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Unknown tag: 富豪."), text);
    }

    @Test
    void someoneWithoutTheRight_isRefused() {
        Town t = fixtures.town("A");
        String clerk = fixtures.staff(t, "clerk", org.wushe.security.domain.Role.PARTY_SECRETARY, "A");
        assertThrows(NotPermittedException.class, () -> runAs(clerk, () -> imports.importFile(ImportKind.RESIDENTS,
                Path.of("/nonexistent.csv"), null, null, ReasonText.keys())));
    }
}
