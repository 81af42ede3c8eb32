package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The "导出 Excel" button of the lists, as staff press it: the downloaded xlsx (opened with POI)
 * holds the rows of the screen, masked as there, within the caller's scope (a grid worker's cells),
 * with the screen's Chinese column headers; each export is in the audit log; the audit log's own
 * export is there for the audit administrator and not shown to others.
 */
class ExportBrowserIT extends BrowserTest {

    private static final String MASKED_ID = "\\d\\*{16}[\\dX]";
    private static final String MASKED_PHONE = "\\d{3}\\*{4}\\d{4}";
    private static final String FULL_ID = "\\d{17}[\\dX]";
    private static final String FULL_PHONE = "1\\d{10}";

    private Path downloads;

    @BeforeEach
    void downloadsInto() throws IOException {
        downloads = Files.createTempDirectory("wushe-export");
    }

    @AfterEach
    void removeDownloads() throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(downloads);
    }

    @Test
    void socialWorker_exportsTheResidents_asTheScreenShowsThem_masked_andTheExportIsAudited() throws IOException {
        signIn("social1");
        open(page("residents/list.xhtml?community=C001"));
        long total = total("residents:table");
        assertTrue(total > 20, "the demo community has more than one page: " + total);
        List<String> headers = headers("residents:table");
        List<List<String>> screen = wait.until(d -> {
            List<List<String>> rows = new ArrayList<>();
            for (WebElement tr : d.findElements(By.cssSelector("tbody[id='residents:table_data'] > tr"))) {
                rows.add(List.of(tr.findElement(By.cssSelector(".open-resident")).getText(),
                        tr.findElement(By.cssSelector(".id-number")).getText(),
                        tr.findElement(By.cssSelector(".age-band")).getText(),
                        tr.findElement(By.cssSelector(".phone")).getText()));
            }
            return rows.size() == 20 ? rows : null;
        });

        List<List<String>> sheet = export("residents:exportXlsx", "residents");

        assertEquals(headers, sheet.get(0), "the screen's Chinese column headers");
        assertEquals(total, sheet.size() - 1, "every row of the list, not the page shown");
        for (int i = 0; i < screen.size(); i++) {
            List<String> row = sheet.get(i + 1);
            assertEquals(screen.get(i), List.of(row.get(0), row.get(1), row.get(2), row.get(3)),
                    "row " + (i + 1) + " as on screen");
        }
        for (List<String> row : sheet.subList(1, sheet.size())) {
            assertTrue(row.get(1).matches(MASKED_ID), "ID number masked: " + row.get(1));
            assertTrue(row.get(3).isEmpty() || row.get(3).matches(MASKED_PHONE), "phone masked: " + row.get(3));
            for (String cell : row) {
                assertFalse(cell.matches(FULL_ID) || cell.matches(FULL_PHONE), "no full ID number or phone: " + cell);
            }
        }

        // the export is in the audit log, with its list, filters and row count
        signIn("auditor");
        open(page("audit/log.xhtml"));
        type("audit:actor", "social1");
        choose("audit:action", "EXPORT");
        String today = LocalDate.now(Browser.SERVER_ZONE).toString();
        type("audit:from", today);
        type("audit:to", today);
        driver.findElement(By.id("audit:search")).click();
        wait.until(d -> d.findElement(By.id("audit:entries")).getText()
                .contains("list=RESIDENTS filter=community=C001"));
        assertTrue(driver.findElement(By.id("audit:entries")).getText().contains("rows=" + total));
    }

    @Test
    void gridWorkersExport_holdsOnlyThePeopleOfTheirCells() throws IOException {
        signIn("grid1");
        open(page("residents/list.xhtml"));
        long total = total("residents:table");
        assertTrue(total > 0);
        int gridColumn = headers("residents:table").indexOf("网格");
        List<List<String>> sheet = export("residents:exportXlsx", "residents");
        assertEquals(total, sheet.size() - 1);
        assertTrue(gridColumn >= 0, "the grid column: " + sheet.get(0));
        for (List<String> row : sheet.subList(1, sheet.size())) {
            assertTrue(Set.of("C001-G01", "C001-G02").contains(row.get(gridColumn)), "grid1's cells only: " + row);
            assertTrue(row.get(1).matches(MASKED_ID), row.get(1));
        }
    }

    @Test
    void theAuditLogsExport_isTheAuditAdministrators_andNotShownToOthers() throws IOException {
        signIn("auditor");
        open(page("audit/log.xhtml"));
        type("audit:actor", "auditor");
        driver.findElement(By.id("audit:search")).click();
        settled();
        wait.until(d -> d.findElements(By.cssSelector("tbody[id='audit:entries_data'] > tr")).stream()
                .allMatch(tr -> tr.getText().contains("auditor")));
        long total = total("audit:entries");
        List<List<String>> sheet = export("audit:exportXlsx", "audit-log");
        assertEquals(total, sheet.size() - 1, "the filtered log");
        assertEquals(headers("audit:entries"), sheet.get(0));

        signIn("admin");
        open(page("residents/list.xhtml"));
        assertTrue(driver.findElements(By.id("audit:exportXlsx")).isEmpty());
        driver.get(page("audit/log.xhtml"));
        assertTrue(driver.findElements(By.id("audit:exportXlsx")).isEmpty(), "no export button for the system administrator");
    }

    @Test
    void theDockingLists_exportTheirTablesTotal() throws IOException {
        signIn("social1");
        open(page("docking/needs.xhtml?community=C001"));
        long needs = total("board:needs");
        assertEquals(needs, export("board:exportXlsx", "needs").size() - 1);
        open(page("docking/resources.xhtml?community=C001"));
        long resources = total("ledger:table");
        List<List<String>> ledger = export("ledger:exportXlsx", "resources");
        assertEquals(resources, ledger.size() - 1);
        assertFalse(ledger.get(0).contains(""), "no column without a header (the edit buttons are not exported)");
    }

    @Test
    void theOtherLists_exportTheRowsTheirTablesHold() throws IOException {
        signIn("social1");
        // page, table, button, file; each table here shows its whole list (fewer rows than its page)
        // or, for donations and the fund ledger, a page of 50 of it, while the export holds all
        String[][] lists = {
            {"fund/donations.xhtml", "list:donations", "list:exportXlsx", "donations"},
            {"fund/ledger.xhtml", "ledger:transactions", "ledger:exportXlsx", "fund-ledger"},
            {"fund/projects.xhtml", "projects:list", "projects:exportXlsx", "projects"},
            {"organisations/list.xhtml", "list:organisations", "list:exportXlsx", "organisations"},
            {"deliberation/issues.xhtml", "board:issues", "board:exportXlsx", "decisions"},
            {"casework/referrals.xhtml", "inbox:inboxTable", "inbox:exportXlsx", "referrals"},
            {"volunteering/queue.xhtml", "queue:table", "queue:exportXlsx", "service-hours"},
            {"docking/needs.xhtml", "overdueActions", "overdueExport:exportXlsx", "docking-actions"},
        };
        for (String[] list : lists) {
            open(page(list[0]));
            int shown = wait.until(d -> d.findElements(By.cssSelector("tbody[id='" + list[1] + "_data'] > tr")).stream()
                    .filter(tr -> !tr.getAttribute("class").contains("ui-datatable-empty-message")).toList()).size();
            List<String> headers = headers(list[1]).stream().filter(h -> !h.isEmpty()).toList();
            List<List<String>> sheet = export(list[2], list[3]);
            assertFalse(sheet.get(0).isEmpty(), list[0]);
            assertTrue(headers.containsAll(sheet.get(0)), list[0] + ": the screen's headers (not its buttons' columns) "
                    + sheet.get(0) + " of " + headers);
            for (List<String> row : sheet) {
                for (String cell : row) {
                    assertFalse(cell.matches("(?s).*(<[a-z]+[ >]|jakarta\\.faces|org\\.primefaces|@[0-9a-f]{6}).*"),
                            list[0] + ": a cell holds the screen's text, not markup or a component: " + cell);
                }
            }
            if (shown < 50) {
                assertEquals(shown, sheet.size() - 1, list[0] + ": the rows of the table");
            } else {
                assertTrue(sheet.size() - 1 >= shown, list[0] + ": the whole list, not the page shown");
            }
        }
    }

    /** Waits until PrimeFaces' ajax queue is empty (a search has been answered and rendered). */
    void settled() {
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    /** The number in the table's header line ("共 N 条"). */
    long total(String tableId) {
        String header = wait.until(d -> d.findElement(By.cssSelector("[id='" + tableId + "'] .ui-datatable-header")).getText());
        return Long.parseLong(header.replaceAll("\\D", ""));
    }

    /** The column headers as shown. */
    List<String> headers(String tableId) {
        return wait.until(d -> d.findElements(By.cssSelector("[id='" + tableId + "'] thead th")).stream()
                .map(th -> th.findElements(By.cssSelector(".ui-column-title")).stream().map(WebElement::getText)
                        .findFirst().orElse(""))
                .toList());
    }

    /** Presses the export button and reads the downloaded file's first sheet as text, row by row. */
    List<List<String>> export(String buttonId, String stem) throws IOException {
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        wait.until(ExpectedConditions.elementToBeClickable(By.id(buttonId))).click();
        Path file = downloads.resolve(stem + "-" + LocalDate.now(Browser.SERVER_ZONE) + ".xlsx");
        waiting(Duration.ofSeconds(60)).until(d -> Files.isRegularFile(file) && noPartialDownloads());
        List<List<String>> rows = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); Workbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : text.formatCellValue(cell).strip());
                }
                rows.add(cells);
            }
        }
        Files.delete(file);
        assertNotNull(rows.get(0));
        return rows;
    }

    private boolean noPartialDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.noneMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
        } catch (IOException e) {
            return false;
        }
    }
}
