package org.wushe.web.training;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.wushe.training.application.TrainingService;
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
    TrainingService training;

    private List<TrainingService.MyTraining> trainings = List.of();

    @PostConstruct
    void load() {
        Actions.run("trainings", () -> {
            trainings = training.myTrainings();
        });
    }

    /** The certificates among the trainings: those passed with a certification. */
    public List<TrainingService.MyTraining> getCertificates() {
        return trainings.stream().filter(t -> t.certificationCode() != null).toList();
    }

    public List<TrainingService.MyTraining> getTrainings() {
        return trainings;
    }
}
