package org.wushe.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Identifiers from a database sequence for plain JDBC inserts, taken the way the entities take
 * them: every sequence is created {@code INCREMENT BY 50} and one value {@code v} reserves the ids
 * {@code v-49 .. v}, so rows written here and rows written through JPA never share an id.
 */
public final class SequenceIds implements AutoCloseable {

    /** The increment of every sequence in the migrations, and the entities' allocation size. */
    public static final int BLOCK = 50;

    private final PreparedStatement nextValue;
    private long next = 1;
    private long last = 0;

    public SequenceIds(Connection c, String sequence) throws SQLException {
        this.nextValue = c.prepareStatement((isDerby(c) ? "VALUES " : "SELECT ") + nextValue(c, sequence));
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
            try (ResultSet rs = nextValue.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
                next = last - BLOCK + 1;
            }
        }
        return next++;
    }

    /** Closes the statement (the connection stays the caller's). */
    @Override
    public void close() throws SQLException {
        nextValue.close();
    }
}
