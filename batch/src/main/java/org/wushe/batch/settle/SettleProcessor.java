package org.wushe.batch.settle;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.wushe.points.application.SettlementSources;
import org.wushe.points.domain.PointRuleBook;
import org.wushe.points.domain.Unsettled;

/** Prices a source by the rules read once per partition; a source worth nothing is filtered out. */
@Named
@Dependent
public class SettleProcessor implements ItemProcessor {

    @EJB
    SettlementSources sources;

    @Inject
    StepContext step;

    private PointRuleBook rules;

    @Override
    public Object processItem(Object item) {
        Checked.of(step).add();
        if (rules == null) {
            rules = sources.rules();
        }
        return rules.book((Unsettled) item).orElse(null);
    }
}
