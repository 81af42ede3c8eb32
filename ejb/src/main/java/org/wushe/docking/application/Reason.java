package org.wushe.docking.application;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One reason a suggestion ranks where it does: a message key and its arguments. */
public record Reason(String key, List<Object> args) {

    public Reason(String key, Object... args) {
        this(key, List.of(args));
    }

    /** Reasons packed into one column: {@code key|arg|arg;key|arg}. */
    public static String pack(List<Reason> reasons) {
        StringBuilder b = new StringBuilder();
        for (Reason r : reasons) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(r.key());
            r.args().forEach(a -> b.append('|').append(String.valueOf(a).replace("|", "/").replace(";", ",")));
        }
        return b.length() > 500 ? b.substring(0, 500) : b.toString();
    }

    public static List<Reason> unpack(String packed) {
        List<Reason> out = new ArrayList<>();
        if (packed == null || packed.isBlank()) {
            return out;
        }
        for (String part : packed.split(";")) {
            String[] bits = part.split("\\|");
            out.add(new Reason(bits[0], List.<Object>copyOf(Arrays.asList(bits).subList(1, bits.length))));
        }
        return out;
    }
}
