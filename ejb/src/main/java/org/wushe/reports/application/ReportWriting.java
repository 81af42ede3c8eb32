package org.wushe.reports.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
import org.wushe.reports.domain.ReportFile;
import org.wushe.reports.domain.ReportKind;

/**
 * Writes one report file and records it: the content goes to a temporary name in the period's
 * directory, then is moved over the final name in one step, and the row of the same period and
 * file name is replaced, so a period run again keeps one file of each kind and never a half one.
 * Used by the monthly reports and by any report made on demand (the donor reports).
 */
@Stateless
public class ReportWriting {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public ReportFile write(ReportOutput output, ReportKind kind, Long communityId, String period, String fileName,
                            Content content) {
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
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            em.createQuery("delete from ReportFile f where f.period = :p and f.fileName = :n")
                    .setParameter("p", period).setParameter("n", fileName).executeUpdate();
            ReportFile file = new ReportFile(output.executionId(), output.jobName(), kind, communityId, period, fileName,
                    target.toAbsolutePath().toString(), size, HexFormat.of().formatHex(sha.digest()), clock.instant());
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
}
