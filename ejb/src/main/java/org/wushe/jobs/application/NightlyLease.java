package org.wushe.jobs.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Which node runs a night's jobs when several nodes share the database: every node's timer fires,
 * and the one whose claim of the night commits first runs it ({@code node_lease}, V29). The claim
 * is a conditional update in a transaction of its own, so of two nodes claiming at once exactly one
 * changes the row. A night is claimed once; a node that dies during its night keeps that night (an
 * operator may start the jobs by hand on any node), and the next night is free again.
 */
@Stateless
public class NightlyLease {

    /** Who holds a night, and since when. */
    public record Holder(LocalDate night, String node, java.time.Instant since) {
    }

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Inject
    Clock clock;

    /** Claims {@code night} for {@code node}; true when this call won it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(LocalDate night, String node) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE node_lease SET night = ?, holder = ?, acquired_at = ?"
                     + " WHERE name = 'nightly' AND (night IS NULL OR night < ?)")) {
            ps.setDate(1, Date.valueOf(night));
            ps.setString(2, node);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setDate(4, Date.valueOf(night));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim the nightly run of " + night + ": " + e.getMessage(), e);
        }
    }

    /** The node holding the latest claimed night, if any. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Holder> holder() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT night, holder, acquired_at FROM node_lease WHERE name = 'nightly'");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getDate(1) == null) {
                return Optional.empty();
            }
            return Optional.of(new Holder(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getTimestamp(3).toInstant()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the nightly lease: " + e.getMessage(), e);
        }
    }
}
