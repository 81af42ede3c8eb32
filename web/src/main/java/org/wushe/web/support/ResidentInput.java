package org.wushe.web.support;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.ResidentData;
import org.wushe.community.domain.ResidentTag;
import org.wushe.shared.ValidationException;

/**
 * A resident as typed into a form or sent as JSON: plain strings, so that a badly written date or
 * gender becomes a field error with a clear message instead of a parser's failure. The accessors
 * are for the form; JSON binding uses the fields.
 */
public class ResidentInput {
    public String idNumber;
    public String name;
    public String gender;
    public String birthDate;
    public String phone;
    public String address;
    public String communityCode;
    public String gridCode;
    public List<String> tags;
    public Integer version;

    /** @throws ValidationException for a gender, date or tag that cannot be read */
    public ResidentData toData() {
        ValidationException.Collector errors = new ValidationException.Collector();
        Gender g = Gender.parse(gender);
        if (gender != null && !gender.isBlank() && g == null) {
            errors.add("gender", "resident.gender.unknown", gender);
        }
        LocalDate birth = null;
        if (birthDate != null && !birthDate.isBlank()) {
            try {
                birth = LocalDate.parse(birthDate.trim());
            } catch (DateTimeParseException e) {
                errors.add("birthDate", "resident.birthDate.format");
            }
        }
        Set<ResidentTag> parsed = EnumSet.noneOf(ResidentTag.class);
        if (tags != null) {
            for (String t : tags) {
                errors.check(() -> parsed.add(parseTag("tags", t)));
            }
        }
        errors.throwIfAny();
        return new ResidentData(idNumber, name, g, birth, phone, address, communityCode, gridCode, parsed);
    }

    public int requireVersion() {
        if (version == null) {
            throw ValidationException.of("version", "error.versionRequired");
        }
        return version;
    }

    /** A tag by code or Chinese name; null for blank; a field error for anything else. */
    public static ResidentTag parseTag(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        ResidentTag tag = ResidentTag.parse(text);
        if (tag == null) {
            throw ValidationException.of(field, "resident.tag.unknown", text);
        }
        return tag;
    }
    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getGender() {
        return gender;
    }

    public void setGender(String gender) {
        this.gender = gender;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String birthDate) {
        this.birthDate = birthDate;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getCommunityCode() {
        return communityCode;
    }

    public void setCommunityCode(String communityCode) {
        this.communityCode = communityCode;
    }

    public String getGridCode() {
        return gridCode;
    }

    public void setGridCode(String gridCode) {
        this.gridCode = gridCode;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
