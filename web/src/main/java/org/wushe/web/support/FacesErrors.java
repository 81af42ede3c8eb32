package org.wushe.web.support;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import org.wushe.shared.ValidationException;
import org.wushe.shared.WusheException;

/**
 * Shows a service's refusal on the page: each field error next to its input (the input's id is
 * the field name inside the given form), anything else as a global message. Nothing the user typed
 * is lost, since the page is re-rendered with the submitted values.
 */
public final class FacesErrors {

    private FacesErrors() {
    }

    public static void show(WusheException e, String formId) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        Locale locale = locale(ctx);
        if (e instanceof ValidationException v) {
            for (ValidationException.FieldError err : v.errors()) {
                String text = Messages.text(locale, err.key(), err.args());
                String clientId = formId + ":" + err.field();
                UIComponent input = ctx.getViewRoot().findComponent(":" + clientId);
                ctx.addMessage(input == null ? null : clientId,
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
                if (input instanceof jakarta.faces.component.UIInput in) {
                    markInvalid(in);
                }
            }
        } else {
            String text = Messages.text(locale, e.key(), e.args());
            ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        ctx.validationFailed();
    }

    /**
     * Marks the input invalid (red border) and keeps what was typed: an invalid input renders its
     * submitted value, which the update-model phase has already cleared, so it is put back.
     */
    private static void markInvalid(jakarta.faces.component.UIInput in) {
        Object value = in.getValue();
        if (value == null || value instanceof String) {
            in.setSubmittedValue(value == null ? "" : value);
            in.setValid(false);
        }
    }

    /**
     * The reader's language: the one chosen in the session. The view root's locale is not enough,
     * since during a view action (before the view's {@code f:view locale} is applied) it is still the
     * browser's language.
     */
    static Locale locale(FacesContext ctx) {
        Locale chosen = ctx.getApplication().evaluateExpressionGet(ctx, "#{sessionBacking.locale}", Locale.class);
        return chosen != null ? chosen : ctx.getViewRoot().getLocale();
    }

    public static void info(String key, Object... args) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        String text = Messages.text(locale(ctx), key, args);
        ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }
}
