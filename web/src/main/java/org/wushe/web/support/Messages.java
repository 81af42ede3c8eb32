package org.wushe.web.support;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.wushe.shared.Label;

/**
 * The one place a message key becomes text: the {@code org.wushe.web.messages} bundle, Chinese
 * by default and English on request. Used by the screens and by the REST problem documents. An
 * argument that is a {@link Label} is itself turned into text first.
 */
public final class Messages {

    public static final String BUNDLE = "org.wushe.web.messages";
    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

    private Messages() {
    }

    /** The supported language closest to a requested one: English when asked for, else Chinese. */
    public static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : DEFAULT;
    }

    public static String text(Locale locale, String key, List<?> args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale == null ? DEFAULT : locale,
                Messages.class.getClassLoader());
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key + (args.isEmpty() ? "" : " " + args);
        }
        if (args.isEmpty()) {
            return pattern;
        }
        Object[] values = args.stream().map(a -> a instanceof Label l ? text(locale, l.key(), List.of()) : a).toArray();
        return new MessageFormat(pattern, locale).format(values);
    }

    public static String text(Locale locale, String key, Object... args) {
        return text(locale, key, List.of(args));
    }
}
