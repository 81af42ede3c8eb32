package org.wushe.imports.domain;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Turns a problem's message key into the text a report shows. The texts live in the
 * {@code org.wushe.web.messages} bundle (Chinese, and English on request). Its files are kept in the
 * web module's sources and built into this module's jar as well (ejb/pom.xml), because a batch job's
 * thread runs with the application's class loader, which does not see the web module: looking the
 * bundle up there found nothing, and the reports read {@code import.line.columns [9, 3]}. Only when
 * the bundle is missing altogether is the text the key and its arguments.
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

    /**
     * Texts of the application's bundle in the given language: found with this module's own class
     * loader (which holds the bundle, whatever thread asks), else with the thread's context class loader.
     */
    static ReasonText bundle(Locale locale) {
        for (ClassLoader loader : new ClassLoader[]{ReasonText.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return of(ResourceBundle.getBundle(BUNDLE, locale, loader));
            } catch (MissingResourceException e) {
                // the next loader
            }
        }
        return keys();
    }

    /** The bureau's language, in which the jobs write their reports: Chinese. */
    static ReasonText bureau() {
        return bundle(Locale.SIMPLIFIED_CHINESE);
    }
}
