package org.wushe.imports.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wushe.community.domain.IdNumber;
import org.wushe.shared.ValidationException;
import org.wushe.volunteering.domain.Certification;

/**
 * Checks the lines of a volunteers file ({@link ImportKind#VOLUNTEERS}) without the database:
 * column count, ID number ({@link IdNumber} checksum and date), name, dates written
 * {@code yyyy-MM-dd} with the issue date not in the future, the {@link Certification} rules (code
 * shape, name, expiry after issue), and the same ID number and certification on an earlier good
 * line. Whether the ID number belongs to a registered resident of that name is the writer's
 * check, as it needs the database.
 */
public final class VolunteerLineValidator {

    private static final int COLUMNS = ImportKind.VOLUNTEERS.header().size();

    private final LocalDate today;
    private final SeenKeys seen = new SeenKeys(1 << 12);

    public VolunteerLineValidator(LocalDate today) {
        this.today = today;
    }

    public LineResult<VolunteerRow> validate(CsvLine line) {
        long n = line.line();
        if (line.values().size() != COLUMNS) {
            return new LineResult.Rejected<>(n, List.of(new LineProblem(n, "line", "import.line.columns",
                    COLUMNS, line.values().size())));
        }
        List<LineProblem> problems = new ArrayList<>(2);
        Set<String> flagged = new HashSet<>(2);
        IdNumber id = null;
        try {
            id = IdNumber.parse(line.value(0), today);
        } catch (ValidationException e) {
            e.errors().forEach(error -> problems.add(LineProblem.of(n, error, f -> "id_number")));
        }
        String name = line.value(1);
        if (name.isEmpty()) {
            problems.add(new LineProblem(n, "name", "resident.name.required"));
        } else if (name.length() > 50) {
            problems.add(new LineProblem(n, "name", "error.tooLong", 50));
        }
        LocalDate issued = date(line, 4, "issued_on", problems, flagged);
        if (issued != null && issued.isAfter(today)) {
            problems.add(new LineProblem(n, "issued_on", "import.date.future"));
            flagged.add("issued_on");
        }
        LocalDate expires = date(line, 5, "expires_on", problems, flagged);
        LocalDate from = issued != null ? issued : today;
        try {
            new Certification(null, line.value(2), line.value(3), Certification.IssuedBy.IMPORT, "import", null,
                    from, expires != null ? expires : from.plusDays(1));
        } catch (ValidationException e) {
            for (ValidationException.FieldError error : e.errors()) {
                String column = switch (error.field()) {
                    case "code" -> "certification_code";
                    case "name" -> "certification_name";
                    case "expiresOn" -> "expires_on";
                    default -> error.field();
                };
                if (!flagged.contains(column) && !(column.equals("expires_on") && flagged.contains("issued_on"))) {
                    problems.add(LineProblem.of(n, error, f -> column));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new LineResult.Rejected<>(n, problems);
        }
        String code = line.value(2).toUpperCase(java.util.Locale.ROOT);
        long first = seen.firstSeen(SeenKeys.ofText(id.value() + "|" + code), n);
        if (first != 0) {
            return new LineResult.Rejected<>(n, List.of(new LineProblem(n, "certification_code",
                    "import.certification.duplicateInFile", first)));
        }
        return new LineResult.Accepted<>(n, new VolunteerRow(n, id.value(), name, code, line.value(3), issued, expires));
    }

    private static LocalDate date(CsvLine line, int column, String field, List<LineProblem> problems, Set<String> flagged) {
        String text = line.value(column);
        if (text.isEmpty()) {
            problems.add(new LineProblem(line.line(), field, "import.date.required"));
            flagged.add(field);
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new LineProblem(line.line(), field, "import.date.format"));
            flagged.add(field);
            return null;
        }
    }
}
