package org.wushe.web.deliberation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.wushe.deliberation.application.IssueService;
import org.wushe.deliberation.application.Views;
import org.wushe.deliberation.domain.IssueSource;
import org.wushe.deliberation.domain.IssueStage;
import org.wushe.deliberation.domain.Issue;
import org.wushe.docking.domain.IssueNature;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.CommunityPage;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * The issue board of a community's joint deliberation zone: issues by nature and stage, with how many
 * of each stand at each stage, and the form to raise an issue (staff name its source; a resident
 * raises it as themself).
 */
@Named
@ViewScoped
public class IssuesBacking extends CommunityPage {

    private static final long serialVersionUID = 1L;

    @EJB
    IssueService issues;

    private String nature;
    private String stage;
    private List<Views.IssueRow> rows = List.of();
    private List<Views.IssueRow> all = List.of();

    private String title;
    private String description;
    private String newNature = IssueNature.SERVICE.name();
    private String source = IssueSource.RESIDENT.name();
    private String raisedByName;
    private String needId;
    private Long raised;

    @Override
    protected void refresh() {
        Actions.run("board", () -> {
            all = issues.board(community, null, null);
            rows = all.stream().filter(r -> nature == null || nature.isBlank() || r.nature().equals(nature))
                    .filter(r -> stage == null || stage.isBlank() || r.stage().equals(stage)).toList();
        });
    }

    /** The filter's button: reloads with the chosen nature and stage in the address. */
    public String filter() {
        return show();
    }

    public void raise() {
        Actions.run("raise", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long need = FormInputs.optionalLong("needId", needId, errors);
            errors.throwIfAny();
            Issue i = issues.raise(community, new Views.IssueForm(title, description, newNature, source, raisedByName,
                    need));
            raised = i.getId();
            FacesErrors.info("deliberation.done.raised", i.getTitle());
            title = null;
            description = null;
            raisedByName = null;
            needId = null;
            refresh();
        });
    }

    /** How many issues of the nature stand at the stage (of all issues on the board). */
    public long count(String n, String s) {
        return all.stream().filter(r -> r.nature().equals(n) && r.stage().equals(s)).count();
    }

    public boolean isStaff() {
        return has(Right.DELIBERATE);
    }

    public boolean isCanRaise() {
        return has(Right.DELIBERATE) || isResident();
    }

    public List<String> getNatures() {
        return Arrays.stream(IssueNature.values()).map(Enum::name).toList();
    }

    public List<String> getStages() {
        return Arrays.stream(IssueStage.values()).map(Enum::name).toList();
    }

    public List<String> getSources() {
        return Arrays.stream(IssueSource.values()).map(Enum::name).toList();
    }

    public List<Views.IssueRow> getRows() { return rows; }
    public String getNature() { return nature; }
    public void setNature(String v) { nature = v; }
    public String getStage() { return stage; }
    public void setStage(String v) { stage = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public String getNewNature() { return newNature; }
    public void setNewNature(String v) { newNature = v; }
    public String getSource() { return source; }
    public void setSource(String v) { source = v; }
    public String getRaisedByName() { return raisedByName; }
    public void setRaisedByName(String v) { raisedByName = v; }
    public String getNeedId() { return needId; }
    public void setNeedId(String v) { needId = v; }
    public Long getRaised() { return raised; }
}
