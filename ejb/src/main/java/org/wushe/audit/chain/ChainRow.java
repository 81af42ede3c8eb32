package org.wushe.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One audit entry as the chain sees it: its place, the fields it proves and the two hashes. The
 * same class reads a row of the table, a line of an archive file and a new entry, so the hash is
 * computed from one canonical form everywhere.
 *
 * <p>The canonical form (version 1) is the place, the time in epoch milliseconds, each text field
 * as {@code <length>:<text>} or {@code ~} when null, and the previous hash, separated by {@code |}:
 * no field can be shifted into its neighbour. The entry hash is SHA-256 of its UTF-8 bytes, in
 * lower-case hex.
 */
public record ChainRow(long seq, long id, Instant occurredAt, String actor, String actorRole, String action,
                       String outcome, Long communityId, String recordType, Long recordId, String fields,
                       String purpose, String clientAddress, String detail, String prevHash, String entryHash) {

    /** The previous hash of the first entry of a chain that was never cut. */
    public static final String GENESIS = "0".repeat(64);

    /** The canonical form that the entry hash covers (everything but the id and the entry hash). */
    public String canonical() {
        StringBuilder b = new StringBuilder("v1|").append(seq).append('|').append(occurredAt.toEpochMilli());
        for (String s : new String[] {actor, actorRole, action, outcome, text(communityId), recordType,
                text(recordId), fields, purpose, clientAddress, detail, prevHash}) {
            b.append('|');
            if (s == null) {
                b.append('~');
            } else {
                b.append(s.length()).append(':').append(s);
            }
        }
        return b.toString();
    }

    /** The hash this entry must carry. */
    public String computedHash() {
        return sha256(canonical());
    }

    /** This row with its entry hash computed (for a new entry). */
    public ChainRow sealed() {
        return new ChainRow(seq, id, occurredAt, actor, actorRole, action, outcome, communityId, recordType, recordId,
                fields, purpose, clientAddress, detail, prevHash, computedHash());
    }

    private static String text(Long n) {
        return n == null ? null : n.toString();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
