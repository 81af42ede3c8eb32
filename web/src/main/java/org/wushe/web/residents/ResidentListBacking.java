package org.wushe.web.residents;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.wushe.community.application.Place;
import org.wushe.community.application.GeographyService;
import org.wushe.community.application.ResidentFilter;
import org.wushe.community.application.ResidentService;
import org.wushe.community.application.ResidentView;
import org.wushe.community.domain.ResidentTag;
import org.wushe.web.support.Actions;
import org.wushe.web.support.CommunityChooser;
import org.wushe.web.support.PageModel;
import org.wushe.web.support.ResidentInput;

/** The residents list: filters, a lazy masked table, and the audited CSV export. */
@Named
@ViewScoped
public class ResidentListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ResidentService residents;

    @EJB
    GeographyService geography;

    @Inject
    CommunityChooser chooser;

    private String community;
    private String grid;
    private String tag;
    private String name;
    /** An exact ID number to find (sent in the form, never in the address). */
    private String idNumber;
    private List<Place> grids = List.of();
    private PageModel<ResidentView> model;

    @PostConstruct
    void init() {
        community = chooser.single();
        ResidentService service = residents;
        model = new PageModel<>(r -> service.list(filter(), r), ResidentView::id, "residents");
    }

    /** Called after the view parameters are applied (the community of a link from the home page). */
    public void load() {
        loadGrids();
    }

    public void communityChanged() {
        grid = null;
        loadGrids();
    }

    private void loadGrids() {
        if (!Actions.run("residents", () -> {
            grids = community == null || community.isBlank() ? List.of() : geography.gridCellChoices(community);
        })) {
            grids = List.of();
        }
    }

    ResidentFilter filter() {
        return new ResidentFilter(community, grid, ResidentInput.parseTag("tag", tag), name, idNumber);
    }

    /** Streams the masked CSV of the current filter; the service writes the audit entry. */
    public void export() throws IOException {
        FacesContext ctx = FacesContext.getCurrentInstance();
        ExternalContext ext = ctx.getExternalContext();
        java.io.StringWriter csv = Actions.call("residents", () -> {
            java.io.StringWriter written = new java.io.StringWriter();
            residents.export(filter(), written);
            return written;
        });
        if (csv != null) {
            ext.responseReset();
            ext.setResponseContentType("text/csv; charset=UTF-8");
            ext.setResponseHeader("Content-Disposition", "attachment; filename=\"residents.csv\"");
            Writer out = new OutputStreamWriter(ext.getResponseOutputStream(), StandardCharsets.UTF_8);
            out.write('\uFEFF');
            out.write(csv.toString());
            out.flush();
            ctx.responseComplete();
        }
    }

    public List<ResidentTag> getTags() {
        return List.of(ResidentTag.values());
    }

    /** The select menu's communities (empty for a large scope, which has the search field). */
    public List<Place> getCommunities() {
        return chooser.getChoices();
    }

    public List<Place> getGrids() {
        return grids;
    }

    public PageModel<ResidentView> getModel() {
        return model;
    }

    public String getCommunity() {
        return community;
    }

    public void setCommunity(String community) {
        this.community = community;
    }

    public String getGrid() {
        return grid;
    }

    public void setGrid(String grid) {
        this.grid = grid;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }
}
