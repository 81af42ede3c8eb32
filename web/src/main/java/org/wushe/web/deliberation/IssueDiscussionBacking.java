package org.wushe.web.deliberation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.wushe.deliberation.application.IssueService;
import org.wushe.deliberation.domain.AuthorKind;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;

/**
 * The discussion panel of the issue page (rule-making): a comment, typed by a resident as themself or
 * recorded by staff for an organisation or a resident, and the social worker's summary with the
 * final text, which becomes the proposal put to the vote.
 */
@Named
@ViewScoped
public class IssueDiscussionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    IssueService issues;

    @Inject
    IssueBacking page;

    private String authorKind = AuthorKind.ORGANISATION.name();
    private String authorName;
    private String commentBody;
    private String summary;
    private String finalTitle;
    private String finalBody;

    public void comment() {
        Actions.run("discussion", () -> {
            issues.comment(page.getId(), authorKind, authorName, commentBody);
            FacesErrors.info("deliberation.done.commented");
            commentBody = null;
            authorName = null;
            page.reload();
        });
    }

    public void summarise() {
        Actions.run("summary", () -> {
            issues.summarise(page.getId(), summary, finalTitle, finalBody);
            FacesErrors.info("deliberation.done.summarised");
            page.reload();
        });
    }

    public String getAuthorKind() { return authorKind; }
    public void setAuthorKind(String v) { authorKind = v; }
    public String getAuthorName() { return authorName; }
    public void setAuthorName(String v) { authorName = v; }
    public String getCommentBody() { return commentBody; }
    public void setCommentBody(String v) { commentBody = v; }
    public String getSummary() { return summary; }
    public void setSummary(String v) { summary = v; }
    public String getFinalTitle() { return finalTitle; }
    public void setFinalTitle(String v) { finalTitle = v; }
    public String getFinalBody() { return finalBody; }
    public void setFinalBody(String v) { finalBody = v; }
}
