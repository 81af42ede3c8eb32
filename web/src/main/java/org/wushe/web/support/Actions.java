package org.wushe.web.support;

import java.util.function.Supplier;
import org.wushe.shared.WusheException;

/**
 * Runs a backing bean's action and shows a service's refusal on the page, the one place for the
 * {@code try { … } catch (WusheException e) { FacesErrors.show(e, form); }} every action needs: a
 * {@link WusheException} is shown by {@link FacesErrors#show} (field errors next to their inputs in
 * the form, anything else as a global message) and the action ends there; any other exception passes.
 *
 * <p>Usage:
 * <pre>{@code
 * public void comment() {
 *     Actions.run("discussion", () -> {
 *         issues.comment(id, authorKind, authorName, commentBody);
 *         FacesErrors.info("deliberation.done.commented");
 *     });
 * }
 *
 * public String save() {
 *     return Actions.call("form", () -> {
 *         Long id = service.save(form);
 *         return "view?faces-redirect=true&id=" + id;
 *     });   // null, so the page stays, when the service refuses
 * }
 * }</pre>
 */
public final class Actions {

    private Actions() {
    }

    /** An action that returns nothing; it may throw a {@link WusheException}. */
    @FunctionalInterface
    public interface Action {
        void run();
    }

    /**
     * Runs the action; a refusal is shown against the form {@code formId}.
     *
     * @return whether the action ran to its end without a refusal
     */
    public static boolean run(String formId, Action action) {
        try {
            action.run();
            return true;
        } catch (WusheException e) {
            FacesErrors.show(e, formId);
            return false;
        }
    }

    /**
     * Runs the action and returns its result (a navigation outcome, a value to show); on a refusal,
     * shown against the form {@code formId}, returns {@code null}, which for an outcome keeps the page.
     */
    public static <T> T call(String formId, Supplier<T> action) {
        try {
            return action.get();
        } catch (WusheException e) {
            FacesErrors.show(e, formId);
            return null;
        }
    }
}
