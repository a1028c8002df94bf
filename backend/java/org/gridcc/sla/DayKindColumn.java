package org.gridcc.sla;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link DayKind} as the lower-case words the table's check constraint allows. */
@Converter(autoApply = true)
public class DayKindColumn implements AttributeConverter<DayKind, String> {

    @Override
    public String convertToDatabaseColumn(DayKind kind) {
        return kind == null ? null : kind.code();
    }

    @Override
    public DayKind convertToEntityAttribute(String code) {
        return code == null ? null : DayKind.valueOf(code.toUpperCase());
    }
}
