package org.wushe.imports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wushe.shared.ValidationException;

class InboxTest {

    @TempDir
    Path dir;

    private static String refusal(Runnable r) {
        return assertThrows(ValidationException.class, r::run).errors().get(0).key();
    }

    @Test
    void aNameInsideTheInbox_isTheFile_relativeOrAbsolute() throws IOException {
        Inbox inbox = Inbox.at(dir.resolve("inbox"));
        Path f = Files.writeString(inbox.uploads().resolve("1-residents.csv"), "x");
        assertEquals(f.toRealPath(), inbox.file("uploads/1-residents.csv"));
        assertEquals(f.toRealPath(), inbox.file(f.toString()));
        assertEquals(f.toRealPath(), inbox.file("./uploads//1-residents.csv"));
        assertEquals("uploads/1-residents.csv", inbox.nameOf(inbox.file("uploads/1-residents.csv")));
    }

    @Test
    void traversal_absolutePathsElsewhere_andEncodedNames_areRefusedAsOutside() throws IOException {
        Inbox inbox = Inbox.at(dir.resolve("inbox"));
        Files.writeString(dir.resolve("secret.csv"), "x");
        Files.writeString(inbox.uploads().resolve("a.csv"), "x");
        for (String name : List.of("../../etc/passwd", "../secret.csv", "uploads/../../secret.csv",
                "uploads/../a.csv", "/etc/passwd", dir.resolve("secret.csv").toString(),
                "..%2F..%2Fetc%2Fpasswd", "%2e%2e/secret.csv", "..\\secret.csv", "a.csv\u0000.txt", "", ".")) {
            String key = name.isEmpty() ? "import.file.missing" : "import.file.outsideInbox";
            assertEquals(key, refusal(() -> inbox.file(name)), name);
        }
    }

    @Test
    void aSymbolicLinkOutOfTheInbox_isRefused_andAMissingFileIsNamedSo() throws IOException {
        Inbox inbox = Inbox.at(dir.resolve("inbox"));
        Path secret = Files.writeString(dir.resolve("secret.csv"), "x");
        Files.createSymbolicLink(inbox.root().resolve("residents-link.csv"), secret);
        Files.createSymbolicLink(inbox.root().resolve("out"), dir);
        assertEquals("import.file.outsideInbox", refusal(() -> inbox.file("residents-link.csv")));
        assertEquals("import.file.outsideInbox", refusal(() -> inbox.file("out/secret.csv")));
        assertEquals("import.file.missing", refusal(() -> inbox.file("uploads/none.csv")));
        assertEquals("import.file.missing", refusal(() -> inbox.file("uploads")));
    }

    @Test
    void anImportedFile_movesToDone_stampedWithTheImport_andTheReportGoesToReports() throws IOException {
        Inbox inbox = Inbox.at(dir.resolve("inbox"));
        Path f = Files.writeString(inbox.uploads().resolve("1-grids.csv"), "x");
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Instant at = Instant.parse("2026-11-25T18:00:00Z");
        Path report = inbox.reportFor(f, at, ZoneId.of("Asia/Shanghai"));
        assertEquals(inbox.reports().resolve("20261126-020000-1-grids.csv.report.csv"), report);
        Path done = inbox.imported(f, at, ZoneId.of("Asia/Shanghai"));
        assertEquals(inbox.done().resolve("20261126-020000-1-grids.csv"), done);
        assertEquals(at, Files.getLastModifiedTime(done).toInstant());
        assertFalse(Files.exists(f));
    }

    @Test
    void purge_deletesOldFilesOfDoneAndReports_andFilesLeftWaitingOrUploaded_keepsFreshOnesAndDirectories()
            throws IOException {
        Inbox inbox = Inbox.at(dir.resolve("inbox"));
        Instant now = Instant.parse("2026-11-25T18:00:00Z");
        FileTime old = FileTime.from(now.minus(Duration.ofDays(31)));
        Path oldDone = Files.writeString(inbox.done().resolve("old-residents.csv"), "x");
        Path oldReport = Files.writeString(inbox.reports().resolve("old-residents.csv.report.csv"), "x");
        Path freshDone = Files.writeString(inbox.done().resolve("fresh-residents.csv"), "x");
        Path waiting = Files.writeString(inbox.root().resolve("residents-old.csv"), "x");
        Path uploaded = Files.writeString(inbox.uploads().resolve("1-residents.csv"), "x");
        Path freshWaiting = Files.writeString(inbox.root().resolve("residents-new.csv"), "x");
        Path freshUpload = Files.writeString(inbox.uploads().resolve("2-residents.csv"), "x");
        for (Path p : List.of(oldDone, oldReport, waiting, uploaded)) {
            Files.setLastModifiedTime(p, old);
        }
        List<Path> deleted = inbox.purge(now.minus(Duration.ofDays(30)));
        assertEquals(java.util.stream.Stream.of(oldDone, oldReport, waiting, uploaded).sorted().toList(), deleted);
        assertTrue(Files.exists(freshDone));
        assertTrue(Files.exists(freshWaiting), "waiting since today");
        assertTrue(Files.exists(freshUpload), "uploaded today");
        assertTrue(Files.isDirectory(inbox.done()) && Files.isDirectory(inbox.uploads()));
    }
}
