package org.wushe.web.docking;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.wushe.community.application.Place;
import org.wushe.docking.application.ActionView;
import org.wushe.docking.application.BoardFilter;
import org.wushe.docking.application.NeedForm;
import org.wushe.docking.application.NeedRow;
import org.wushe.docking.application.BoardCounts;
import org.wushe.docking.application.NeedBoard;
import org.wushe.docking.application.NeedWorkflow;
import org.wushe.docking.domain.Need;
import org.wushe.docking.domain.NeedSource;
import org.wushe.docking.domain.NeedStatus;
import org.wushe.docking.domain.Urgency;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.PageModel;
import org.wushe.web.support.FormInputs;

/**
 * The needs board of a community: how many needs stand in each step of the loop, the overdue
 * actions flagged, a filtered lazy table of the needs, and the form to register a need.
 */
@Named
@ViewScoped
public class NeedsBacking extends DockingPage {

    private static final long serialVersionUID = 1L;

    @EJB
    NeedBoard needBoard;

    @EJB
    NeedWorkflow needWorkflow;

    /** One column of the board: a status and how many needs stand in it. */
    public record StatusCount(String status, long count) {
    }

    private List<StatusCount> columns = List.of();
    private long overdueCount;
    private List<ActionView> overdue = List.of();
    private List<Place> grids = List.of();
    private PageModel<NeedRow> model;

    private String status;
    private String category;
    private String urgency;
    private boolean overdueOnly;

    private String gridCode;
    private String residentId;
    private String categoryCode;
    private String needUrgency = Urgency.NORMAL.name();
    private String source;
    private String title;
    private String description;

    @Override
    protected void refresh() {
        Actions.run("board", () -> {
            BoardCounts counts = needBoard.counts(community);
            List<StatusCount> out = new ArrayList<>();
            counts.byStatus().forEach((s, n) -> out.add(new StatusCount(s, n)));
            columns = out;
            overdueCount = counts.overdueActions();
            overdue = needBoard.overdueActions(community);
            grids = has(Right.REGISTER_NEEDS) ? geography.gridCellChoices(community) : List.of();
            if (grids.size() == 1 && gridCode == null) {
                gridCode = grids.get(0).code();
            }
        });
    }

    BoardFilter filter() {
        return new BoardFilter(community, status, category, urgency, overdueOnly);
    }

    /** A click on a column of the board: only the needs in that status. */
    public void filterStatus(String s) {
        status = s;
        overdueOnly = false;
    }

    /** A click on the overdue column: only the needs with overdue actions. */
    public void filterOverdue() {
        status = null;
        overdueOnly = true;
    }

    public void register() {
        Actions.run("register", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long resident = FormInputs.optionalLong("residentId", residentId, errors);
            errors.throwIfAny();
            Need n = needWorkflow.register(new NeedForm(gridCode, resident, categoryCode, needUrgency, source, title,
                    description));
            FacesErrors.info("docking.need.registered", n.getId(), n.getTitle());
            residentId = null;
            title = null;
            description = null;
            refresh();
        });
    }

    public PageModel<NeedRow> getModel() {
        if (model == null) {
            NeedBoard service = needBoard;
            model = new PageModel<>(r -> service.board(filter(), r), NeedRow::id, "board");
        }
        return model;
    }

    public List<String> getStatuses() {
        return java.util.Arrays.stream(NeedStatus.values()).map(Enum::name).toList();
    }

    public List<String> getUrgencies() {
        return java.util.Arrays.stream(Urgency.values()).map(Enum::name).toList();
    }

    public List<String> getSources() {
        return java.util.Arrays.stream(NeedSource.values()).map(Enum::name).toList();
    }

    public List<StatusCount> getColumns() { return columns; }
    public long getOverdueCount() { return overdueCount; }
    public List<ActionView> getOverdue() { return overdue; }
    public List<Place> getGrids() { return grids; }
    public String getStatus() { return status; }
    public void setStatus(String v) { status = v; }
    public String getCategory() { return category; }
    public void setCategory(String v) { category = v; }
    public String getUrgency() { return urgency; }
    public void setUrgency(String v) { urgency = v; }
    public boolean isOverdueOnly() { return overdueOnly; }
    public void setOverdueOnly(boolean v) { overdueOnly = v; }
    public String getGridCode() { return gridCode; }
    public void setGridCode(String v) { gridCode = v; }
    public String getResidentId() { return residentId; }
    public void setResidentId(String v) { residentId = v; }
    public String getCategoryCode() { return categoryCode; }
    public void setCategoryCode(String v) { categoryCode = v; }
    public String getNeedUrgency() { return needUrgency; }
    public void setNeedUrgency(String v) { needUrgency = v; }
    public String getSource() { return source; }
    public void setSource(String v) { source = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
}
