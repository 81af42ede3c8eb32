package org.wushe.imports.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.IdNumber;
import org.wushe.community.domain.ResidentData;
import org.wushe.community.domain.ResidentRules;
import org.wushe.community.domain.ResidentTag;
import org.wushe.shared.ValidationException;

/**
 * Checks the lines of a residents file ({@link ImportKind#RESIDENTS}), without the database: the
 * column count, then the same {@link ResidentRules} a form passes (ID number checksum, gender and
 * birth date agreeing with it, name, phone, address, grid cell of the community), then what only a
 * file has: community code known, birth date written {@code yyyy-MM-dd}, tags known, and the same
 * ID number on an earlier good line. Every problem of a line is reported, named by its column.
 *
 * <p>Keeps the ID numbers of the good lines seen so far (see {@link SeenKeys}), so one validator
 * checks one file, in order. On a restart, give it the lines before the checkpoint again
 * ({@link #validate}) so it knows them.
 */
public final class ResidentLineValidator {

    private static final int COLUMNS = ImportKind.RESIDENTS.header().size();
    private static final java.util.regex.Pattern TAG_SEPARATOR = java.util.regex.Pattern.compile("[;；]");

    private final GeographyIndex geography;
    private final LocalDate today;
    private final SeenKeys seen = new SeenKeys(1 << 16);

    public ResidentLineValidator(GeographyIndex geography, LocalDate today) {
        this.geography = geography;
        this.today = today;
    }

    /** Checks one line; a good line's ID number counts as seen from then on. */
    public LineResult<ResidentRow> validate(CsvLine line) {
        long n = line.line();
        if (line.values().size() != COLUMNS) {
            return new LineResult.Rejected<>(n, List.of(new LineProblem(n, "line", "import.line.columns",
                    COLUMNS, line.values().size())));
        }
        List<LineProblem> problems = new ArrayList<>(2);
        Set<String> flagged = new HashSet<>(2);

        String genderText = line.value(2);
        Gender gender = Gender.parse(genderText);
        if (gender == null && !genderText.isEmpty()) {
            flag(problems, flagged, new LineProblem(n, "gender", "resident.gender.unknown", genderText));
        }
        String birthText = line.value(3);
        LocalDate birth = null;
        if (!birthText.isEmpty()) {
            try {
                birth = LocalDate.parse(birthText);
            } catch (DateTimeParseException e) {
                flag(problems, flagged, new LineProblem(n, "birth_date", "resident.birthDate.format"));
            }
        }
        String communityCode = line.value(6);
        if (communityCode.isEmpty()) {
            flag(problems, flagged, new LineProblem(n, "community_code", "import.community.required"));
        } else if (geography.community(communityCode).isEmpty()) {
            flag(problems, flagged, new LineProblem(n, "community_code", "geo.community.unknown", communityCode));
        }
        Set<ResidentTag> tags = EnumSet.noneOf(ResidentTag.class);
        String tagText = line.value(8);
        for (String part : tagText.isEmpty() ? new String[0] : TAG_SEPARATOR.split(tagText)) {
            if (part.isBlank()) {
                continue;
            }
            ResidentTag tag = ResidentTag.parse(part);
            if (tag == null) {
                flag(problems, flagged, new LineProblem(n, "tags", "import.tag.unknown", part.strip()));
            } else {
                tags.add(tag);
            }
        }
        String gridCode = line.value(7);
        GeographyIndex.Grid grid = geography.grid(gridCode).orElse(null);
        ResidentData data = new ResidentData(line.value(0), line.value(1), gender, birth, line.value(4),
                line.value(5), communityCode, gridCode, tags);
        IdNumber id = null;
        try {
            id = ResidentRules.check(data, grid == null ? null : grid.cell(), today);
        } catch (ValidationException e) {
            for (ValidationException.FieldError error : e.errors()) {
                String column = column(error.field());
                if (!flagged.contains(column)) {
                    problems.add(LineProblem.of(n, error, ResidentLineValidator::column));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new LineResult.Rejected<>(n, problems);
        }
        long first = seen.firstSeen(SeenKeys.ofIdNumber(id.value()), n);
        if (first != 0) {
            return new LineResult.Rejected<>(n, List.of(new LineProblem(n, "id_number",
                    "import.idNumber.duplicateInFile", first)));
        }
        String phone = line.value(4);
        String address = line.value(5);
        return new LineResult.Accepted<>(n, new ResidentRow(n, id.value(), line.value(1), id.gender(), id.birthDate(),
                phone.isEmpty() ? null : phone, address.isEmpty() ? null : address, grid.communityId(), grid.id(),
                grid.cell().getCode(), tags));
    }

    private static void flag(List<LineProblem> problems, Set<String> flagged, LineProblem p) {
        problems.add(p);
        flagged.add(p.field());
    }

    /** The file's column for a field of the resident form. */
    static String column(String field) {
        return switch (field) {
            case "idNumber" -> "id_number";
            case "birthDate" -> "birth_date";
            case "gridCode" -> "grid_code";
            case "communityCode" -> "community_code";
            default -> field;
        };
    }
}
