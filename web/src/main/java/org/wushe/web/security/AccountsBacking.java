package org.wushe.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.wushe.security.application.AccountAdministration;
import org.wushe.security.application.AccountDetail;
import org.wushe.security.application.AccountForm;
import org.wushe.security.application.AccountQuery;
import org.wushe.security.application.AccountResult;
import org.wushe.security.application.AccountView;
import org.wushe.security.application.RoleScopeForm;
import org.wushe.security.application.PasswordLifecycle;
import org.wushe.security.application.ScopeChoices;
import org.wushe.security.application.ScopePlace;
import org.wushe.security.domain.Role;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.PageModel;

/**
 * The security administrator's accounts page: the list with its filters, and one form that
 * creates an account or edits the chosen one section by section (name; role and scope;
 * supervising; supervisor; state). A change to an administrator account under four-eyes says that
 * it waits for a second security administrator ({@link AdminChangesBacking} decides).
 */
@Named
@ViewScoped
public class AccountsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "account";

    @EJB
    AccountAdministration accounts;

    @EJB
    ScopeChoices choices;

    @EJB
    PasswordLifecycle passwords;

    /** The page's list of pending administrator changes, refreshed when a change becomes a request. */
    @Inject
    AdminChangesBacking changes;

    private String text;
    private transient String oneTimePassword;
    private String filterRole;
    private String filterCommunity;
    private PageModel<AccountView> model;

    private List<ScopePlace> subDistrictChoices = List.of();
    private List<ScopePlace> communityChoices = List.of();
    private List<ScopePlace> gridChoices = List.of();
    private List<AccountView> supervisorChoices = List.of();

    /** The account being edited, or null while a new one is entered. */
    private AccountDetail editing;
    private String username;
    private String displayName;
    private String role;
    private String password;
    private List<String> subDistrictCodes = new ArrayList<>();
    private String communityCode;
    private String gridCommunity;
    private List<String> gridCodes = new ArrayList<>();
    private boolean supervising;
    private List<String> supervisionCodes = new ArrayList<>();
    private String supervisor;

    @PostConstruct
    void init() {
        AccountAdministration service = accounts;
        model = new PageModel<>(r -> service.search(query(), r), AccountView::username, "search");
        Actions.run("search", () -> {
            subDistrictChoices = choices.subDistricts();
            communityChoices = choices.communities();
            supervisorChoices = accounts.supervisors();
        });
    }

    AccountQuery query() {
        return new AccountQuery(text, filterRole == null || filterRole.isBlank() ? null : Role.valueOf(filterRole),
                filterCommunity);
    }

    /** The roles an administrator gives (a resident's account is opened by the resident's staff). */
    public List<Role> getRoles() {
        return Arrays.stream(Role.values()).filter(r -> r != Role.RESIDENT).toList();
    }

    /** The kind of scope the chosen role needs, for the form's scope fields. */
    public String getScopeKind() {
        return role == null || role.isBlank() ? "" : Role.valueOf(role).scopeKind().name();
    }

    public boolean isSocialWorker() {
        return Role.SOCIAL_WORKER.name().equals(role);
    }

    /** Starts a new account with an empty form. */
    public void newAccount() {
        editing = null;
        username = null;
        displayName = null;
        role = null;
        password = null;
        subDistrictCodes = new ArrayList<>();
        communityCode = null;
        gridCommunity = null;
        gridCodes = new ArrayList<>();
        gridChoices = List.of();
        supervising = false;
        supervisionCodes = new ArrayList<>();
        supervisor = null;
    }

    /** Opens an account in the form. */
    public void edit(String name) {
        Actions.run(FORM, () -> load(accounts.detail(name)));
    }

    private void load(AccountDetail d) {
        newAccount();
        editing = d;
        username = d.username();
        displayName = d.displayName();
        role = d.role().name();
        subDistrictCodes = new ArrayList<>(d.subDistrictCodes());
        communityCode = d.communityCode();
        gridCommunity = d.gridCodes().isEmpty() ? null : d.communityCode();
        gridCodes = new ArrayList<>(d.gridCodes());
        gridCommunityChanged();
        supervising = d.supervising();
        supervisionCodes = new ArrayList<>(d.supervisionCodes());
        supervisor = d.supervisor();
    }

    /** Lists the grid cells of the community chosen for a grid worker. */
    public void gridCommunityChanged() {
        Actions.run(FORM, () -> gridChoices = choices.gridCells(gridCommunity));
    }

    public void create() {
        Actions.run(FORM, () -> {
            AccountResult r = accounts.create(new AccountForm(username, displayName, role(), chars(password),
                    new HashSet<>(subDistrictCodes), communityCode, new HashSet<>(gridCodes), supervisor, supervising,
                    new HashSet<>(supervisionCodes)));
            password = null;
            if (r.waitsForConfirmation()) {
                FacesErrors.info("accounts.done.requested", r.request().username(), r.request().id());
                changes.refresh();
                newAccount();
            } else {
                FacesErrors.info("accounts.done.created", r.account().username());
                reload(r.account().username());
            }
        });
    }

    public void saveName() {
        Actions.run(FORM, () -> done(accounts.rename(username, displayName).username()));
    }

    public void saveRole() {
        Actions.run(FORM, () -> result(accounts.changeRoleAndScope(username, new RoleScopeForm(role(),
                new HashSet<>(subDistrictCodes), communityCode, new HashSet<>(gridCodes)))));
    }

    public void saveSupervision() {
        Actions.run(FORM, () -> done(accounts.setSupervising(username, supervising,
                new HashSet<>(supervisionCodes)).username()));
    }

    public void saveSupervisor() {
        Actions.run(FORM, () -> done(accounts.assignSupervisor(username, supervisor).username()));
    }

    public void disable() {
        Actions.run(FORM, () -> result(accounts.disable(username)));
    }

    public void enable() {
        Actions.run(FORM, () -> result(accounts.enable(username)));
    }

    public void unlock() {
        Actions.run(FORM, () -> result(accounts.unlock(username)));
    }

    /**
     * Resets the account's password to a one-time password shown once on this page; its owner must
     * change it at the next sign-in. Administrators' passwords are refused here (four-eyes).
     */
    public void resetPassword() {
        Actions.run(FORM, () -> {
            PasswordLifecycle.OneTimePassword once = passwords.reset(username);
            oneTimePassword = once.password();
            FacesErrors.info("accounts.resetPassword.done", once.username());
        });
    }

    /** The one-time password of the last reset, shown once; null otherwise. */
    public String getOneTimePassword() {
        return oneTimePassword;
    }

    private void result(AccountResult r) {
        if (r.waitsForConfirmation()) {
            FacesErrors.info("accounts.done.requested", r.request().username(), r.request().id());
            changes.refresh();
            reload(r.request().username());
        } else {
            done(r.account().username());
        }
    }

    private void done(String name) {
        FacesErrors.info("accounts.done.changed", name);
        reload(name);
    }

    private void reload(String name) {
        load(accounts.detail(name));
        supervisorChoices = accounts.supervisors();
    }

    private Role role() {
        return role == null || role.isBlank() ? null : Role.valueOf(role);
    }

    private static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }

    public PageModel<AccountView> getModel() { return model; }
    public List<ScopePlace> getSubDistrictChoices() { return subDistrictChoices; }
    public List<ScopePlace> getCommunityChoices() { return communityChoices; }
    public List<ScopePlace> getGridChoices() { return gridChoices; }
    public List<AccountView> getSupervisorChoices() { return supervisorChoices; }
    public AccountDetail getEditing() { return editing; }
    public boolean isCreating() { return editing == null; }
    public String getText() { return text; }
    public void setText(String v) { text = v; }
    public String getFilterRole() { return filterRole; }
    public void setFilterRole(String v) { filterRole = v; }
    public String getFilterCommunity() { return filterCommunity; }
    public void setFilterCommunity(String v) { filterCommunity = v; }
    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String v) { displayName = v; }
    public String getRole() { return role; }
    public void setRole(String v) { role = v; }
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }
    public List<String> getSubDistrictCodes() { return subDistrictCodes; }
    public void setSubDistrictCodes(List<String> v) { subDistrictCodes = v == null ? new ArrayList<>() : v; }
    public String getCommunityCode() { return communityCode; }
    public void setCommunityCode(String v) { communityCode = v; }
    public String getGridCommunity() { return gridCommunity; }
    public void setGridCommunity(String v) { gridCommunity = v; }
    public List<String> getGridCodes() { return gridCodes; }
    public void setGridCodes(List<String> v) { gridCodes = v == null ? new ArrayList<>() : v; }
    public boolean isSupervising() { return supervising; }
    public void setSupervising(boolean v) { supervising = v; }
    public List<String> getSupervisionCodes() { return supervisionCodes; }
    public void setSupervisionCodes(List<String> v) { supervisionCodes = v == null ? new ArrayList<>() : v; }
    public String getSupervisor() { return supervisor; }
    public void setSupervisor(String v) { supervisor = v; }

    /** Codes as one line, e.g. {@code C001-G01, C001-G02}. */
    public String joined(List<String> codes) {
        return codes == null ? "" : String.join(", ", codes);
    }
}
