package org.wushe.shared.protect;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a String attribute encrypted ({@link Sealed}): clear in the entity, sealed in its column. */
@Converter(autoApply = false)
public class SealedConverter implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return Sealed.seal(attribute);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return Sealed.open(column);
    }
}
