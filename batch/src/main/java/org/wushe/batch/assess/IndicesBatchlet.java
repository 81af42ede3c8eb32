package org.wushe.batch.assess;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wushe.assessment.application.AssessmentRun;
import org.wushe.casework.application.IndexService;

/** Snapshots both coordination indices of every grid worker and social worker for the month. */
@Named
@Dependent
public class IndicesBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String month;

    @EJB
    AssessmentRun run;

    @EJB
    IndexService indices;

    @Override
    public String process() {
        return "WORKERS " + indices.snapshot(run.month(month), run.today());
    }
}
