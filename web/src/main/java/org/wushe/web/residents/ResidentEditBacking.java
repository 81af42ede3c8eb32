package org.wushe.web.residents;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.wushe.community.application.Place;
import org.wushe.community.application.GeographyService;
import org.wushe.community.application.ResidentService;
import org.wushe.community.application.ResidentView;
import org.wushe.community.domain.ResidentTag;
import org.wushe.web.support.Actions;
import org.wushe.web.support.CommunityChooser;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.Messages;
import org.wushe.web.support.ResidentInput;

/**
 * Registering or editing a resident. Editing shows the full record, so opening the form for an
 * existing resident is a reveal with the purpose "edit the resident record" and is audited. A refused
 * save shows each message next to its field and keeps everything typed.
 */
@Named
@ViewScoped
public class ResidentEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ResidentService residents;

    @EJB
    GeographyService geography;

    @Inject
    CommunityChooser chooser;

    private Long id;
    private final ResidentInput input = new ResidentInput();
    private List<String> tags = new ArrayList<>();
    private List<Place> grids = List.of();
    private boolean loaded;

    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        Actions.run("edit", () -> {
            if (id != null) {
                FacesContext ctx = FacesContext.getCurrentInstance();
                ResidentView r = residents.reveal(id,
                        Messages.text(ctx.getViewRoot().getLocale(), "resident.edit.purpose"));
                input.idNumber = r.idNumber();
                input.name = r.name();
                input.gender = r.gender();
                input.birthDate = r.birthDate() == null ? null : r.birthDate().toString();
                input.phone = r.phone();
                input.address = r.address();
                input.communityCode = r.communityCode();
                input.gridCode = r.gridCode();
                input.version = r.version();
                tags = new ArrayList<>(r.tags().stream().map(Enum::name).toList());
            } else if (chooser.single() != null) {
                input.communityCode = chooser.single();
            }
            loadGrids();
        });
    }

    public void communityChanged() {
        input.gridCode = null;
        loadGrids();
    }

    private void loadGrids() {
        grids = input.communityCode == null || input.communityCode.isBlank() ? List.of()
                : geography.gridCellChoices(input.communityCode);
    }

    public void save() throws IOException {
        ResidentView saved = Actions.call("edit", () -> {
            input.tags = tags;
            return id == null ? residents.register(input.toData())
                    : residents.update(id, input.requireVersion(), input.toData());
        });
        if (saved != null) {
            FacesContext ctx = FacesContext.getCurrentInstance();
            ctx.getExternalContext().getFlash().setKeepMessages(true);
            FacesErrors.info("resident.saved");
            ExternalContext ext = ctx.getExternalContext();
            ext.redirect(ext.getRequestContextPath() + "/residents/view.xhtml?id=" + saved.id());
        }
    }

    public boolean isEditing() {
        return id != null;
    }

    public List<ResidentTag> getAllTags() {
        return List.of(ResidentTag.values());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ResidentInput getInput() {
        return input;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }

    /** The select menu's communities (empty for a large scope, which has the search field). */
    public List<Place> getCommunities() {
        return chooser.getChoices();
    }

    public List<Place> getGrids() {
        return grids;
    }
}
