package org.wushe.reports.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Breaks text into lines no wider than a given width: Chinese (and Japanese, Korean) text may break
 * after any character, Latin text only between words; a word longer than a line is cut. Closing
 * punctuation (，。、 etc.) never starts a line: it stays at the end of the line before. Explicit
 * line ends are kept. Pure: the width of a piece of text comes from the caller (the font).
 */
public final class LineBreaker {

    private static final String NO_LINE_START = "，。、；：？！）》」』】〕…,.;:?!)]}%";

    private LineBreaker() {
    }

    public static List<String> wrap(String text, double maxWidth, ToDoubleFunction<String> width) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            lines.add("");
            return lines;
        }
        for (String paragraph : text.split("\\R", -1)) {
            wrapParagraph(paragraph, maxWidth, width, lines);
        }
        return lines;
    }

    private static void wrapParagraph(String text, double maxWidth, ToDoubleFunction<String> width, List<String> lines) {
        StringBuilder line = new StringBuilder();
        boolean space = false;
        for (String token : tokens(text)) {
            if (token.isBlank()) {
                space = line.length() > 0;
                continue;
            }
            String candidate = line + (space ? " " : "") + token;
            space = false;
            if (width.applyAsDouble(candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
            } else if (line.length() > 0 && NO_LINE_START.indexOf(token.charAt(0)) >= 0 && token.length() == 1) {
                line.append(token);
            } else {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (width.applyAsDouble(token) <= maxWidth) {
                    line.append(token);
                } else {
                    cut(token, maxWidth, width, lines, line);
                }
            }
        }
        lines.add(line.toString());
    }

    /** A word wider than a line: as many characters per line as fit (at least one). */
    private static void cut(String token, double maxWidth, ToDoubleFunction<String> width, List<String> lines,
                            StringBuilder line) {
        int i = 0;
        while (i < token.length()) {
            int end = i + Character.charCount(token.codePointAt(i));
            while (end < token.length()) {
                int next = end + Character.charCount(token.codePointAt(end));
                if (width.applyAsDouble(token.substring(i, next)) > maxWidth) {
                    break;
                }
                end = next;
            }
            if (end < token.length()) {
                lines.add(token.substring(i, end));
            } else {
                line.append(token, i, end);
            }
            i = end;
        }
    }

    /** Words of Latin text, single CJK characters and punctuation, single spaces. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || cp == 0x3000) {
                flush(word, tokens);
                tokens.add(" ");
            } else if (breaksAnywhere(cp)) {
                flush(word, tokens);
                tokens.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        }
        flush(word, tokens);
        return tokens;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.length() > 0) {
            tokens.add(word.toString());
            word.setLength(0);
        }
    }

    /** Characters of scripts written without spaces, and the full-width punctuation that goes with them. */
    static boolean breaksAnywhere(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.GENERAL_PUNCTUATION && cp == 0x2026;
    }
}
