package org.wushe.imports.domain;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Turns a problem's message key into the text a report shows. The texts live in the web module's
 * {@code org.wushe.web.messages} bundle (Chinese, and English on request); the screens resolve
 * them with their own class loader, a job or a service finds them through the context class loader
 * of the application. Without the bundle the text is the key and its arguments, still readable.
 */
@FunctionalInterface
public interface ReasonText {

    String BUNDLE = "org.wushe.web.messages";

    String text(String key, List<String> args);

    /** The key and its arguments, e.g. {@code import.line.columns [9, 8]}. */
    static ReasonText keys() {
        return (key, args) -> args.isEmpty() ? key : key + " " + args;
    }

    /** The texts of a bundle the caller has (the screens': {@code ResourceBundle.getBundle(BUNDLE, locale)}). */
    static ReasonText of(ResourceBundle bundle) {
        return (key, args) -> {
            if (!bundle.containsKey(key)) {
                return keys().text(key, args);
            }
            String pattern = bundle.getString(key);
            return args.isEmpty() ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args.toArray());
        };
    }

    /** Texts of the application's bundle in the given language, found through the context class loader. */
    static ReasonText bundle(Locale locale) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return of(ResourceBundle.getBundle(BUNDLE, locale, loader == null ? ReasonText.class.getClassLoader() : loader));
        } catch (MissingResourceException e) {
            return keys();
        }
    }
}
