package org.wushe.batch.assess;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.wushe.assessment.application.AssessmentRun;
import org.wushe.casework.application.CaseService;
import org.wushe.casework.application.ReferralService;

/**
 * The nightly casework duties before the snapshot: referrals not decided in time go to their
 * community's Party secretary, and cases open past their stubborn period are flagged stubborn.
 */
@Named
@Dependent
public class CaseworkBatchlet extends AbstractBatchlet {

    @EJB
    ReferralService referrals;

    @EJB
    CaseService cases;

    @EJB
    AssessmentRun clock;

    @Override
    public String process() {
        int escalated = referrals.escalateOverdue();
        int stubborn = cases.detectStubborn(clock.today());
        return "ESCALATED " + escalated + " STUBBORN " + stubborn;
    }
}
