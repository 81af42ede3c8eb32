package org.wushe.batch.expire;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wushe.points.application.PointStatements;

/** Writes the monthly statements of the month before (or of the month given), once. */
@Named
@Dependent
public class StatementsBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String month;

    @EJB
    PointStatements statements;

    @Override
    public String process() {
        boolean nightly = month == null || month.isBlank();
        int written = statements.close(statements.month(month), nightly);
        return "WRITTEN " + written;
    }
}
