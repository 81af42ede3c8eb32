package org.wushe.imports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.Resident;
import org.wushe.community.domain.ResidentTag;

class StoredResidentAndReportTest {

    static final LocalDate BIRTH = LocalDate.of(1949, 12, 31);

    final StoredResident stored = new StoredResident(7, "X", "王秀英", "F", BIRTH, "13912345678", null, "C001-G01", 1L,
            Set.of(ResidentTag.ELDERLY_ALONE));

    private static ResidentRow row(String name, String phone, String grid, Set<ResidentTag> tags) {
        return new ResidentRow(9, "X", name, Gender.FEMALE, BIRTH, phone, null, 1, 11, grid, tags);
    }

    @Test
    void sameData_changesNothing() {
        assertEquals(List.of(), stored.changes(row("王秀英", "13912345678", "C001-G01", Set.of(ResidentTag.ELDERLY_ALONE))));
    }

    @Test
    void changedFields_areNamedAsTheFormsHistoryNamesThem() {
        assertEquals(List.of(new Resident.FieldChange("phone", "13912345678", null),
                        new Resident.FieldChange("gridCode", "C001-G01", "C001-G02"),
                        new Resident.FieldChange("tags", "ELDERLY_ALONE", "ELDERLY_ALONE;PARTY_MEMBER")),
                stored.changes(row("王秀英", null, "C001-G02", Set.of(ResidentTag.PARTY_MEMBER, ResidentTag.ELDERLY_ALONE))));
    }

    @Test
    void report_isUtf8WithBom_oneRowPerProblem_withKeyAndText(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("居民.csv");
        Path file = ImportReport.besides(input);
        assertEquals("居民.csv.report.csv", file.getFileName().toString());
        try (ImportReport r = ImportReport.create(file, (key, args) -> "原因 " + String.join("/", args))) {
            r.add(new LineProblem(3, "tags", "import.tag.unknown", "富豪"));
            r.add(new LineProblem(4, "line", "import.line.columns", 9, 2));
        }
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("\uFEFFline,field,reason_key,reason_args,reason", lines.get(0));
        assertEquals("3,tags,import.tag.unknown,富豪,原因 富豪", lines.get(1));
        assertEquals("4,line,import.line.columns,9|2,原因 9/2", lines.get(2));
    }

    @Test
    void report_writesAFormulaFromTheImportedFile_asText(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.csv");
        try (ImportReport r = ImportReport.create(file, (key, args) -> String.join("/", args))) {
            r.add(new LineProblem(5, "tags", "import.tag.unknown", "=cmd|' /C calc'!A0"));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("5,tags,import.tag.unknown,'=cmd|' /C calc'!A0,'=cmd|' /C calc'!A0", lines.get(1));
    }

    @Test
    void reasonText_withoutBundle_isTheKeyAndArguments() {
        assertEquals("import.line.columns [9, 2]", ReasonText.keys().text("import.line.columns", List.of("9", "2")));
    }
}
