package org.wushe.batch.assess;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wushe.assessment.application.AssessmentRun;

/** Takes the month's assessment snapshot of every community (set-based; see AssessmentRun). */
@Named
@Dependent
public class SnapshotBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String month;

    @EJB
    AssessmentRun run;

    @Override
    public String process() {
        return "COMMUNITIES " + run.snapshot(run.month(month));
    }
}
