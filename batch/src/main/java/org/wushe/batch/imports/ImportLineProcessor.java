package org.wushe.batch.imports;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/**
 * Checks one line with its file's checks (pure, no database: the layout's rules, the geography read
 * once per file, the duplicates seen earlier in the file); the end of a file passes as it is.
 */
@Named
@Dependent
public class ImportLineProcessor implements ItemProcessor {

    @Override
    public Object processItem(Object item) {
        if (item instanceof ImportItem.Line l) {
            return new ImportItem.Checked(l.runId(), l.check().apply(l.line()));
        }
        return item;
    }
}
