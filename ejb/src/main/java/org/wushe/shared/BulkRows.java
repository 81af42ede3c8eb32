package org.wushe.shared;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * New rows of one table written in one go, in the caller's transaction: on PostgreSQL with
 * {@code COPY ... FROM STDIN} (text format) through the driver's copy API, elsewhere (Derby) as a
 * batched {@code INSERT}. The rows are the same either way; only the statements differ.
 *
 * <pre>
 * BulkRows rows = new BulkRows("resident_tag", "resident_id", "tag_code");
 * rows.add(42L, "VETERAN");
 * rows.write(connection);   // the rows written; the list is empty again
 * </pre>
 *
 * Values: {@code null}, {@link String}, {@link Long}, {@link Integer}, {@link Short},
 * {@link Boolean}, {@link LocalDate} or {@link java.sql.Date} (a DATE), {@link Timestamp},
 * {@link LocalDateTime} or {@link Instant} (a TIMESTAMP without time zone, in the JVM's zone as
 * {@link java.sql.PreparedStatement#setTimestamp} writes it; in COPY rounded to microseconds, as
 * PostgreSQL keeps them and its driver rounds a bound timestamp; a {@code Timestamp} is bound as it
 * is in the INSERT). Nothing is checked against the table: a value too long or a broken constraint fails
 * the whole write, as a batch does.
 */
public final class BulkRows {

    private final String table;
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public BulkRows(String table, String... columns) {
        if (!table.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        for (String column : columns) {
            if (!column.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a column name: " + column);
            }
        }
        if (columns.length == 0) {
            throw new IllegalArgumentException("no columns");
        }
        this.table = table;
        this.columns = List.of(columns);
    }

    /** Adds a row: one value per column, in the columns' order. */
    public BulkRows add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(table + ": " + columns.size() + " values expected, not " + values.length);
        }
        rows.add(values.clone());
        return this;
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * Writes the rows added since the last write on the connection (in its transaction, which stays
     * the caller's), then forgets them.
     *
     * @return the number of rows written
     */
    public int write(Connection c) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        int n = rows.size();
        if (SequenceIds.isDerby(c)) {
            insert(c);
        } else {
            PostgresCopy.copy(c, copyStatement(), copyText());
        }
        rows.clear();
        return n;
    }

    /** {@code COPY table (columns) FROM STDIN}: the text format, tab-separated, {@code \N} for null. */
    String copyStatement() {
        return "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
    }

    /** The rows in COPY's text format, UTF-8: one line per row, values separated by tabs. */
    byte[] copyText() {
        StringBuilder sb = new StringBuilder(rows.size() * 16 * columns.size());
        // A chunk's rows share their timestamps (the same object): written once, copied after that.
        Object lastTime = null;
        String lastTimeText = null;
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    sb.append('\t');
                }
                Object v = row[i];
                if (v instanceof Timestamp || v instanceof Instant || v instanceof LocalDateTime) {
                    if (v != lastTime) {
                        StringBuilder t = new StringBuilder(26);
                        appendCopyValue(t, v);
                        lastTime = v;
                        lastTimeText = t.toString();
                    }
                    sb.append(lastTimeText);
                } else {
                    appendCopyValue(sb, v);
                }
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One value in COPY's text format: {@code \N} for null; in text, a backslash, a tab, a line feed
     * and a carriage return are written with a backslash ({@code \\ \t \n \r}), so none ends the
     * value or the row; every other character is itself (an empty string is an empty value, not null).
     */
    static void appendCopyValue(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("\\N");
        } else if (value instanceof String s) {
            if (plain(s)) {
                sb.append(s);
                return;
            }
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(ch);
                }
            }
        } else if (value instanceof Long l) {
            sb.append(l.longValue());
        } else if (value instanceof Integer || value instanceof Short) {
            sb.append(((Number) value).intValue());
        } else if (value instanceof Boolean b) {
            sb.append(b ? 't' : 'f');
        } else if (value instanceof LocalDate d) {
            sb.append(d);
        } else if (value instanceof java.sql.Date d) {
            sb.append(d.toLocalDate());
        } else {
            LocalDateTime t = localDateTime(value);
            sb.append(t.toLocalDate()).append(' ').append(t.toLocalTime());
        }
    }

    /** Whether a text holds none of the characters COPY's text format escapes (most values): written as it is. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                return false;
            }
        }
        return true;
    }

    /** A timestamp value as the JVM's local date and time, rounded to microseconds. */
    private static LocalDateTime localDateTime(Object value) {
        LocalDateTime t;
        if (value instanceof Timestamp ts) {
            t = ts.toLocalDateTime();
        } else if (value instanceof Instant in) {
            t = Timestamp.from(in).toLocalDateTime();
        } else if (value instanceof LocalDateTime ldt) {
            t = ldt;
        } else {
            throw new IllegalArgumentException("no COPY form for a " + value.getClass().getName());
        }
        int nanos = t.getNano();
        int rest = nanos % 1000;
        if (rest == 0) {
            return t;
        }
        return t.withNano(nanos - rest).plusNanos(rest >= 500 ? 1000 : 0);
    }

    private void insert(Connection c) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", columns)).append(") VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int[] nullTypes = new int[columns.size()];
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    bind(ps, i + 1, row[i], nullTypes);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value, int[] nullTypes) throws SQLException {
        if (value == null) {
            if (nullTypes[index - 1] == 0) {
                nullTypes[index - 1] = parameterType(ps, index);
            }
            ps.setNull(index, nullTypes[index - 1]);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Integer i) {
            ps.setInt(index, i);
        } else if (value instanceof Short s) {
            ps.setShort(index, s);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (value instanceof LocalDate d) {
            ps.setDate(index, java.sql.Date.valueOf(d));
        } else if (value instanceof java.sql.Date d) {
            ps.setDate(index, d);
        } else if (value instanceof Timestamp ts) {
            ps.setTimestamp(index, ts);
        } else {
            ps.setTimestamp(index, Timestamp.valueOf(localDateTime(value)));
        }
    }

    private static int parameterType(PreparedStatement ps, int index) {
        try {
            ParameterMetaData md = ps.getParameterMetaData();
            int type = md.getParameterType(index);
            return type == 0 ? Types.VARCHAR : type;
        } catch (SQLException e) {
            return Types.VARCHAR;
        }
    }

    /**
     * The driver's copy API, in a class of its own: it is loaded only on PostgreSQL, where the driver
     * is in the server's lib (a Derby installation need not have it).
     */
    private static final class PostgresCopy {

        static void copy(Connection c, String sql, byte[] text) throws SQLException {
            org.postgresql.PGConnection pg = c.unwrap(org.postgresql.PGConnection.class);
            org.postgresql.copy.CopyIn in = pg.getCopyAPI().copyIn(sql);
            try {
                in.writeToCopy(text, 0, text.length);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }
    }
}
