package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.community.application.ChangeView;
import org.wushe.community.application.ResidentFilter;
import org.wushe.community.application.ResidentService;
import org.wushe.community.application.ResidentView;
import org.wushe.community.domain.ResidentData;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.platform.IdentifierSealing;
import org.wushe.security.domain.Role;
import org.wushe.shared.PageRequest;
import org.wushe.shared.SequenceIds;
import org.wushe.shared.protect.Sealed;

/**
 * Residents' ID numbers and phones at rest: the columns hold encrypted values (read raw with JDBC:
 * no plain digits), the keyed hashes beside them find a resident by ID number, the history keeps
 * them encrypted too, and rows written in clear before schema 22 are encrypted by the start-up step.
 */
@ExtendWith(ArquillianExtension.class)
class PersonalDataAtRestIT {

    /** A run of eleven digits or more: a phone or (most of) an ID number in clear. */
    private static final Pattern PLAIN_DIGITS = Pattern.compile("\\d{11,}");
    private static final Pattern SEALED = Pattern.compile("[a-z][a-z0-9]{0,7}:[A-Za-z0-9_-]{40,}");

    @Inject
    Fixtures fixtures;

    @EJB
    ResidentService residents;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Test
    void columns_holdNoPlainDigits_andLookUpByIdNumberStillWorks() throws SQLException {
        Town town = fixtures.town("A");
        String worker = fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "A");
        ResidentData data = fixtures.residentData("王秀英", town.community("A"), town.grid("A", 1));
        ResidentView registered = runAs(worker, () -> residents.register(data));

        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select id_number, id_number_hash, phone, phone_hash from resident where id = ?")) {
            ps.setLong(1, registered.id());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                String id = rs.getString(1);
                String phone = rs.getString(3);
                assertFalse(id.contains(data.idNumber()), id);
                assertFalse(PLAIN_DIGITS.matcher(id).find(), "no plain digits in the ID column: " + id);
                assertTrue(SEALED.matcher(id).matches(), id);
                assertFalse(phone.contains("13912345678"), phone);
                assertFalse(PLAIN_DIGITS.matcher(phone).find(), phone);
                assertEquals(Sealed.hash(data.idNumber()), rs.getString(2));
                assertEquals(Sealed.hash("13912345678"), rs.getString(4));
                assertEquals(data.idNumber(), Sealed.open(id), "the server's keys open it");
            }
        }

        ResidentView found = runAs(worker, () -> residents.list(new ResidentFilter(town.community("A"), null, null,
                null, data.idNumber().toLowerCase()), PageRequest.of(0, 10))).items().get(0);
        assertEquals(registered.id(), found.id());
        assertEquals(0, runAs(worker, () -> residents.list(new ResidentFilter(town.community("A"), null, null, null,
                fixtures.residentData("无", town.community("A"), town.grid("A", 1)).idNumber()),
                PageRequest.of(0, 10))).total(), "another number finds nobody");
        assertEquals(1, runAs(Fixtures.ADMIN, () -> residents.list(new ResidentFilter(null, null, null, null,
                data.idNumber()), PageRequest.of(0, 10))).total(), "city-wide by ID number without a community");
        assertEquals(data.idNumber(), runAs(worker, () -> residents.reveal(registered.id(), "核对身份证号")).idNumber());
    }

    @Test
    void everyResidentOfTheCity_isEncrypted_withItsHash() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id_number, id_number_hash, phone from resident")) {
            int n = 0;
            while (rs.next()) {
                assertFalse(PLAIN_DIGITS.matcher(rs.getString(1)).find(), rs.getString(1));
                assertNotNull(rs.getString(2));
                if (rs.getString(3) != null) {
                    assertFalse(PLAIN_DIGITS.matcher(rs.getString(3)).find(), rs.getString(3));
                }
                n++;
            }
            assertTrue(n >= 800, "the demo city's residents at least: " + n);
        }
    }

    @Test
    void history_keepsIdNumberAndPhoneEncrypted_andShowsThemMasked() throws SQLException {
        Town town = fixtures.town("A");
        String worker = fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "A");
        ResidentData data = fixtures.residentData("李娜", town.community("A"), town.grid("A", 1));
        ResidentView r = runAs(worker, () -> residents.register(data));
        ResidentData changed = new ResidentData(data.idNumber(), data.name(), data.gender(), data.birthDate(),
                "13700004321", data.address(), data.communityCode(), data.gridCode(), data.tags());
        runAs(worker, () -> residents.update(r.id(), r.version(), changed));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select old_value, new_value from resident_change"
                     + " where resident_id = ? and field_name = 'phone'")) {
            ps.setLong(1, r.id());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(PLAIN_DIGITS.matcher(rs.getString(1) + rs.getString(2)).find());
            }
        }
        ChangeView phone = runAs(worker, () -> residents.history(r.id())).stream()
                .filter(h -> h.field().equals("phone")).findFirst().orElseThrow();
        assertEquals("139****5678", phone.oldValue());
        assertEquals("137****4321", phone.newValue());
    }

    @Test
    void rowsInClear_fromBeforeVersion22_areEncryptedByTheStartUpStep() throws SQLException {
        Town town = fixtures.town("A");
        String worker = fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "A");
        ResidentData data = fixtures.residentData("刘洋", town.community("A"), town.grid("A", 1));
        long id;
        try (Connection c = dataSource.getConnection()) {
            try (SequenceIds ids = new SequenceIds(c, "resident_seq")) {
                id = ids.next();   // as the import takes its ids
            }
            long grid;
            long community;
            try (PreparedStatement ps = c.prepareStatement("select id, community_id from grid_cell where code = ?")) {
                ps.setString(1, data.gridCode());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    grid = rs.getLong(1);
                    community = rs.getLong(2);
                }
            }
            // as a row of schema 21 was written: ID number and phone in clear, no hashes
            try (PreparedStatement ps = c.prepareStatement("insert into resident (id, id_number, name, gender,"
                    + " birth_date, phone, community_id, grid_cell_id, created_at, updated_at, version)"
                    + " values (?, ?, ?, 'F', ?, ?, ?, ?, ?, ?, 1)")) {
                Timestamp now = Timestamp.from(Instant.now());
                ps.setLong(1, id);
                ps.setString(2, data.idNumber());
                ps.setString(3, data.name());
                ps.setDate(4, java.sql.Date.valueOf(data.birthDate()));
                ps.setString(5, "13600001111");
                ps.setLong(6, community);
                ps.setLong(7, grid);
                ps.setTimestamp(8, now);
                ps.setTimestamp(9, now);
                assertEquals(1, ps.executeUpdate());
            }
            assertTrue(IdentifierSealing.run(c) >= 1);
            try (PreparedStatement ps = c.prepareStatement(
                    "select id_number, id_number_hash, phone from resident where id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertTrue(SEALED.matcher(rs.getString(1)).matches(), rs.getString(1));
                    assertEquals(Sealed.hash(data.idNumber()), rs.getString(2));
                    assertEquals("13600001111", Sealed.open(rs.getString(3)));
                }
            }
            assertEquals(0, IdentifierSealing.run(c), "nothing left to do the second time");
        }
        List<ResidentView> found = runAs(worker, () -> residents.list(new ResidentFilter(town.community("A"), null,
                null, null, data.idNumber()), PageRequest.of(0, 10))).items();
        assertEquals(1, found.size());
        assertEquals("136****1111", found.get(0).phone());
        assertNull(found.get(0).gender(), "no gender in a masked view");
    }
}
