package org.wushe.imports.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.wushe.shared.ValidationException;

/**
 * The import inbox and the one rule for naming a file in it. Layout: files waiting at the top
 * ({@code residents*.csv} …), {@code uploads/} (the operator console's uploads, waiting for their
 * run), {@code done/} (every file whose run has ended, kept for the retention period and then
 * deleted by {@code inbox-purge}) and {@code reports/} (the import reports; nothing is written
 * anywhere else). A file left waiting longer than the retention period is deleted too.
 *
 * <p>A job parameter or an operator names a file <em>inside</em> the inbox, relative to it
 * ({@code uploads/17-residents.csv}) or as an absolute path under it: a name with {@code ..}, a
 * percent-encoded or back-slashed name, an absolute path elsewhere and a symbolic link that leads
 * out of the inbox are all refused ({@code import.file.outsideInbox}) before anything is opened.
 *
 * <p>Usage: {@code Inbox inbox = Inbox.at(Installation.inbox()); Path f = inbox.file(parameter);}
 */
public final class Inbox {

    public static final String UPLOADS = "uploads";
    public static final String DONE = "done";
    public static final String REPORTS = "reports";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The inbox as configured (absolute, normalised) and as it really is (links resolved). */
    private final Path configured;
    private final Path root;

    private Inbox(Path configured, Path root) {
        this.configured = configured;
        this.root = root;
    }

    /** The inbox in {@code dir}, with its sub-directories created when missing. */
    public static Inbox at(Path dir) {
        try {
            Path configured = dir.toAbsolutePath().normalize();
            Files.createDirectories(configured);
            Path root = configured.toRealPath();
            for (String sub : new String[] {UPLOADS, DONE, REPORTS}) {
                Files.createDirectories(root.resolve(sub));
            }
            return new Inbox(configured, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the import inbox " + dir, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path uploads() {
        return root.resolve(UPLOADS);
    }

    public Path done() {
        return root.resolve(DONE);
    }

    public Path reports() {
        return root.resolve(REPORTS);
    }

    /**
     * The regular file a job parameter or an operator names, inside the inbox.
     *
     * @throws ValidationException on field {@code file}: {@code import.file.outsideInbox} for a name
     *         that leads (or could lead) out of the inbox, {@code import.file.missing} for a name
     *         inside it where no regular file is
     */
    public Path file(String name) {
        Path candidate = inside(name);
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw ValidationException.of("file", "import.file.missing", name);
        }
        if (!real.startsWith(root) || real.equals(root)) {
            throw outside(name); // a symbolic link that leads out of the inbox
        }
        if (!Files.isRegularFile(real)) {
            throw ValidationException.of("file", "import.file.missing", name);
        }
        return real;
    }

    /** The name checked and resolved lexically, without touching the file system. */
    private Path inside(String name) {
        if (name == null || name.isBlank()) {
            throw ValidationException.of("file", "import.file.missing", name == null ? "" : name);
        }
        String n = name.trim();
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            // No percent-encoding, no Windows separators, no control characters: names in the
            // inbox are plain, so a name that needs decoding is refused rather than decoded.
            if (c == '%' || c == '\\' || Character.isISOControl(c)) {
                throw outside(name);
            }
        }
        Path p;
        try {
            p = Path.of(n);
        } catch (InvalidPathException e) {
            throw outside(name);
        }
        for (Path part : p) {
            if (part.toString().equals("..")) {
                throw outside(name);
            }
        }
        Path candidate;
        if (p.isAbsolute()) {
            Path abs = p.normalize();
            if (abs.startsWith(root)) {
                candidate = abs;
            } else if (abs.startsWith(configured)) {
                candidate = root.resolve(configured.relativize(abs));
            } else {
                throw outside(name);
            }
        } else {
            candidate = root.resolve(p).normalize();
        }
        if (!candidate.startsWith(root) || candidate.equals(root)) {
            throw outside(name);
        }
        return candidate;
    }

    private static ValidationException outside(String name) {
        return ValidationException.of("file", "import.file.outsideInbox", name);
    }

    /** The name of a file inside the inbox as a job parameter carries it: relative, with {@code /}. */
    public String nameOf(Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    /** Whether the file already lies in {@code done/}. */
    public boolean isDone(Path file) {
        return file.toAbsolutePath().normalize().startsWith(done());
    }

    /**
     * Where the report of a run of {@code file} starting at {@code at} goes: {@code reports/} with the
     * time and the file's name, {@code 20261125-020000-residents.csv.report.csv}.
     */
    public Path reportFor(Path file, Instant at, ZoneId zone) {
        return reports().resolve(stamp(at, zone) + "-" + ImportReport.besides(file).getFileName());
    }

    /**
     * Moves a file whose run has ended to {@code done/} with the time in front of its name, and
     * stamps it with that time (the retention period counts from the import, not from the file's
     * own date). A file already in {@code done/} (imported again by name) only gets the new time.
     *
     * @return where the file is now
     */
    public Path imported(Path file, Instant at, ZoneId zone) throws IOException {
        Path target = isDone(file) ? file
                : Files.move(file, done().resolve(stamp(at, zone) + "-" + file.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(target, FileTime.from(at));
        return target;
    }

    /**
     * Deletes what has been kept long enough, as every file here holds residents' identifiers in
     * clear: the files in {@code done/} and {@code reports/} last stamped before {@code cutoff}, and
     * the files left waiting at the top of the inbox or in {@code uploads/} that nobody has touched
     * since before {@code cutoff} (dropped or uploaded and never imported; a file being imported was
     * uploaded moments before, and one copied in should get the time of the copy, not keep an old
     * one). Nothing that is not a regular file is touched.
     *
     * @return the deleted files, for the log
     */
    public List<Path> purge(Instant cutoff) throws IOException {
        List<Path> deleted = new ArrayList<>();
        for (Path dir : List.of(done(), reports(), uploads(), root)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                            && Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff)
                            && Files.deleteIfExists(f)) {
                        deleted.add(f);
                    }
                }
            }
        }
        deleted.sort(null);
        return deleted;
    }

    private static String stamp(Instant at, ZoneId zone) {
        return LocalDateTime.ofInstant(at, zone).format(STAMP);
    }
}
