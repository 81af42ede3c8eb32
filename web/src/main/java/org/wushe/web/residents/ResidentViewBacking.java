package org.wushe.web.residents;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.wushe.community.application.ChangeView;
import org.wushe.community.application.ResidentService;
import org.wushe.community.application.ResidentView;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;

/**
 * One resident: masked by default; "show full data" asks for a purpose and shows the full record
 * in this view only (the next visit is masked again); the change history below.
 */
@Named
@ViewScoped
public class ResidentViewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ResidentService residents;

    private Long id;
    private ResidentView resident;
    private List<ChangeView> history = List.of();
    private String purpose;

    /** Loads the masked record named by the {@code id} view parameter. */
    public void load() {
        if (resident != null) {
            return;
        }
        Actions.run("resident", () -> {
            resident = residents.view(id);
            history = residents.history(id);
        });
    }

    /** Shows the full record after the purpose is given; the service writes the audit entry. */
    public void reveal() {
        Actions.run("resident", () -> {
            resident = residents.reveal(id, purpose);
            purpose = null;
            FacesErrors.info("resident.revealed");
        });
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ResidentView getResident() {
        return resident;
    }

    public List<ChangeView> getHistory() {
        return history;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }
}
