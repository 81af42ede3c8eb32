package org.wushe.imports.domain;

import java.util.List;

/** The three file layouts the bureau sends, each with its header row exactly as it must appear. */
public enum ImportKind {
    RESIDENTS("id_number", "name", "gender", "birth_date", "phone", "address", "community_code", "grid_code", "tags"),
    GRIDS("community_code", "grid_code", "name"),
    VOLUNTEERS("id_number", "name", "certification_code", "certification_name", "issued_on", "expires_on");

    private final List<String> header;

    ImportKind(String... header) {
        this.header = List.of(header);
    }

    /** The column names in order; the first row of a file must be exactly these. */
    public List<String> header() {
        return header;
    }
}
