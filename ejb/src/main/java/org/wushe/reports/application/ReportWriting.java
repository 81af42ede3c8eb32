package org.wushe.reports.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wushe.reports.domain.ReportFile;
import org.wushe.reports.domain.ReportKind;

/**
 * Writes one report file and records it: the content goes to a temporary name in the period's
 * directory and the row of the same period and file name is replaced; when the transaction
 * commits, the temporary file is moved over the final name in one step (and deleted when it rolls
 * back), so a period run again keeps one file of each kind, never a half one, and a failed run
 * leaves the files and rows of the last good one. Used by the monthly reports and by any report
 * made on demand (the donor reports).
 */
@Stateless
public class ReportWriting {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    private static final Logger LOG = Logger.getLogger(ReportWriting.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    public ReportFile write(ReportOutput output, ReportKind kind, Long communityId, String period, String fileName,
                            Content content) {
        return write(output, kind, communityId, period, fileName, null, content);
    }

    /**
     * Writes one report file and records it with a digest of what it shows ({@code sourceDigest},
     * see {@link #current}); null when the writer does not know one.
     */
    public ReportFile write(ReportOutput output, ReportKind kind, Long communityId, String period, String fileName,
                            String sourceDigest, Content content) {
        Path dir = output.dir().resolve(period);
        Path target = dir.resolve(fileName);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + fileName + ".", ".tmp");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                content.write(out);
            }
            long size = Files.size(tmp);
            Path staged = tmp;
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing: the file takes its place once the rows are committed
                }

                @Override
                public void afterCompletion(int status) {
                    place(staged, target, status == Status.STATUS_COMMITTED);
                }
            });
            tmp = null;
            em.createQuery("delete from ReportFile f where f.period = :p and f.fileName = :n")
                    .setParameter("p", period).setParameter("n", fileName).executeUpdate();
            ReportFile file = new ReportFile(output.executionId(), output.jobName(), kind, communityId, period, fileName,
                    target.toAbsolutePath().toString(), size, HexFormat.of().formatHex(sha.digest()), clock.instant())
                    .withSourceDigest(sourceDigest);
            em.persist(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report file " + target + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless; the failure above is reported
                }
            }
        }
    }

    /**
     * Whether the period's files of these names were all written from inputs of this digest and
     * are still on disk with their recorded size: then writing them again would give the same
     * content, and a job may leave them (and their rows, with the execution that wrote them) as
     * they are. A file deleted or truncated by hand, or written before digests were recorded, is
     * not current.
     */
    public boolean current(String period, String sourceDigest, String... fileNames) {
        if (sourceDigest == null || fileNames.length == 0) {
            return false;
        }
        List<ReportFile> rows = em.createQuery("select f from ReportFile f where f.period = :p and f.fileName in :n",
                        ReportFile.class)
                .setParameter("p", period).setParameter("n", List.of(fileNames)).getResultList();
        if (rows.size() != fileNames.length) {
            return false;
        }
        for (ReportFile f : rows) {
            if (!sourceDigest.equals(f.getSourceDigest())) {
                return false;
            }
            try {
                Path path = Path.of(f.getPath());
                if (!Files.isRegularFile(path) || Files.size(path) != f.getSize()) {
                    return false;
                }
            } catch (IOException | java.nio.file.InvalidPathException e) {
                return false;
            }
        }
        return true;
    }

    /** Moves the staged file over the target in one step (committed), or deletes it (rolled back). */
    static void place(Path staged, Path target, boolean committed) {
        try {
            if (!committed) {
                Files.deleteIfExists(staged);
                return;
            }
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot put the report file " + staged + " in place of " + target, e);
        }
    }
}
