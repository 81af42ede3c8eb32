package org.wushe.web.training;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.wushe.shared.WusheException;
import org.wushe.training.application.EnrolmentService;
import org.wushe.training.application.TrainingViews;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.Actions;

/**
 * A resident's own trainings, newest first: when and where, attended, the score and the result,
 * the certificate a pass gave with the date it is valid until (valid or expired today), and whether
 * the training has been practised in a volunteer service.
 */
@Named
@ViewScoped
public class MyTrainingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    EnrolmentService enrolments;

    private List<TrainingViews.MyTraining> trainings = List.of();

    @PostConstruct
    void load() {
        Actions.run("trainings", () -> {
            trainings = enrolments.myTrainings();
        });
    }

    /** The certificates among the trainings: those passed with a certification. */
    public List<TrainingViews.MyTraining> getCertificates() {
        return trainings.stream().filter(t -> t.certificationCode() != null).toList();
    }

    public List<TrainingViews.MyTraining> getTrainings() {
        return trainings;
    }
}
