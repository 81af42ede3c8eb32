package org.wushe.web.export;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a component shows on the page: it is rendered as on the screen (for the current row of
 * its table) and its markup removed, so a cell written as template text ({@code <div>#{…}</div>})
 * or a repeat exports what the reader sees, never the template or the component's name.
 */
final class ScreenText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern NUMERIC = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    private ScreenText() {
    }

    static String of(FacesContext context, UIComponent component) {
        ResponseWriter original = context.getResponseWriter();
        StringWriter out = new StringWriter();
        // a writer of its own (the request's, during an action, has nothing to write to yet)
        ResponseWriter writer = context.getRenderKit().createResponseWriter(out, "text/html", "UTF-8");
        context.setResponseWriter(writer);
        try {
            component.encodeAll(context);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            context.setResponseWriter(original);
        }
        return plain(out.toString());
    }

    /** Markup removed, entities decoded, runs of white space made one space. */
    static String plain(String html) {
        String text = TAG.matcher(html).replaceAll(" ");
        Matcher m = NUMERIC.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (m.find()) {
            int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(decoded, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        m.appendTail(decoded);
        text = decoded.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
        return SPACE.matcher(text).replaceAll(" ").strip();
    }
}
