package org.wushe.batch.imports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.wushe.imports.application.ImportRuns;
import org.wushe.imports.application.ImportWriter;
import org.wushe.imports.domain.GridRow;
import org.wushe.imports.domain.ImportKind;
import org.wushe.imports.domain.ImportRun;
import org.wushe.imports.domain.LineResult;
import org.wushe.imports.domain.ReasonText;
import org.wushe.imports.domain.ResidentRow;
import org.wushe.imports.domain.VolunteerRow;

/**
 * Stores a chunk in the chunk's transaction with the existing batched store ({@link ImportWriter}:
 * good lines by their key, problems of the bad ones, counts and the line reached added to the run),
 * and counts a file's end in the chunk for its run; the partition that reaches it last ends the run
 * (status, report with the reasons in the bureau's language) in the same commit. The file moves to {@code done/} after the commit
 * ({@link ImportChunkListener}).
 */
@Named
@Dependent
public class ImportLineWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String kind;

    @Inject
    StepContext step;

    @EJB
    ImportWriter writer;

    @EJB
    ImportRuns runs;

    @Override
    public void writeItems(List<Object> items) {
        ImportKind k = ImportKind.valueOf(kind);
        long run = 0;
        List<LineResult<?>> lines = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item instanceof ImportItem.Checked c) {
                if (c.runId() != run) {
                    store(k, run, lines);
                    run = c.runId();
                }
                lines.add(c.result());
            } else if (item instanceof ImportItem.End e) {
                store(k, run, lines);
                run = 0;
                if (!runs.partEnded(e.runId())) {
                    continue; // another partition is still storing its lines of the file; the last one ends the run
                }
                if (e.problem() != null) {
                    writer.problem(e.runId(), e.problem());
                }
                runs.end(e.runId(), e.problem() == null ? ImportRun.Status.COMPLETED : ImportRun.Status.FAILED,
                        e.charset(), e.report(), ReasonText.bureau());
                ImportChunkListener.ended(step, e);
            }
        }
        store(k, run, lines);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void store(ImportKind k, long run, List<LineResult<?>> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List raw = List.copyOf(lines);
        switch (k) {
            case RESIDENTS -> writer.residents(run, (List<LineResult<ResidentRow>>) raw);
            case GRIDS -> writer.grids(run, (List<LineResult<GridRow>>) raw);
            case VOLUNTEERS -> writer.volunteers(run, (List<LineResult<VolunteerRow>>) raw);
        }
        lines.clear();
    }
}
