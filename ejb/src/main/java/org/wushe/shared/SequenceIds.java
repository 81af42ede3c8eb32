package org.wushe.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Identifiers from a database sequence for plain JDBC inserts, taken the way the entities take
 * them: every sequence is created {@code INCREMENT BY 50} and one value {@code v} reserves the ids
 * {@code v-49 .. v}, so rows written here and rows written through JPA never share an id.
 */
public final class SequenceIds implements AutoCloseable {

    /** The increment of every sequence in the migrations, and the entities' allocation size. */
    public static final int BLOCK = 50;

    private final Connection connection;
    private final String sequence;
    private final boolean derby;
    private final PreparedStatement nextValue;
    private PreparedStatement blocks;
    /** The last ids of blocks taken by {@link #reserve} and not begun yet. */
    private final ArrayDeque<Long> reserved = new ArrayDeque<>();
    private long next = 1;
    private long last = 0;

    public SequenceIds(Connection c, String sequence) throws SQLException {
        this.connection = c;
        this.sequence = sequence;
        this.derby = isDerby(c);
        this.nextValue = c.prepareStatement((derby ? "VALUES " : "SELECT ") + nextValue(c, sequence));
    }

    /**
     * Makes sure the next {@code count} ids are taken from the sequence: on PostgreSQL all the blocks
     * they need in one statement ({@code nextval} over {@code generate_series}: one round trip per
     * chunk instead of one per 50 ids); on Derby nothing ({@link #next} takes a block when it needs
     * one). The ids are the same blocks of 50 either way, possibly not adjacent.
     */
    public void reserve(int count) throws SQLException {
        long have = (last - next + 1) + (long) reserved.size() * BLOCK;
        if (derby || count <= have) {
            return;
        }
        int needed = (int) ((count - have + BLOCK - 1) / BLOCK);
        if (blocks == null) {
            blocks = connection.prepareStatement("SELECT " + nextValue(connection, sequence) + " FROM generate_series(1, ?)");
        }
        blocks.setInt(1, needed);
        try (ResultSet rs = blocks.executeQuery()) {
            while (rs.next()) {
                reserved.add(rs.getLong(1));
            }
        }
    }

    /** Whether the connection is to Derby (otherwise PostgreSQL). */
    public static boolean isDerby(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("derby");
    }

    /** The expression of a sequence's next value in the connection's database (one value per row). */
    public static String nextValue(Connection c, String sequence) throws SQLException {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a sequence name: " + sequence);
        }
        return isDerby(c) ? "NEXT VALUE FOR " + sequence : "nextval('" + sequence + "')";
    }

    public long next() throws SQLException {
        if (next > last) {
            if (!reserved.isEmpty()) {
                last = reserved.poll();
            } else {
                try (ResultSet rs = nextValue.executeQuery()) {
                    rs.next();
                    last = rs.getLong(1);
                }
            }
            next = last - BLOCK + 1;
        }
        return next++;
    }

    /** Closes the statement (the connection stays the caller's). */
    @Override
    public void close() throws SQLException {
        nextValue.close();
        if (blocks != null) {
            blocks.close();
        }
    }
}
