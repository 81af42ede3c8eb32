package org.wushe.imports.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which encoding an import file is in. Files come as UTF-8 (with or without a byte order mark)
 * or as GBK from older systems. A BOM means UTF-8; otherwise the first {@value #SAMPLE} bytes are
 * decoded strictly as UTF-8, and if that fails the file is GBK. Chinese text in GBK is
 * practically never valid UTF-8, so the guess is safe; the reader still decodes strictly, so a
 * file that changes encoding further down stops with an error instead of garbled names.
 *
 * <p>GBK is decoded as GB18030, its superset, so the rare characters of names that GBK lacks and
 * newer systems write are read too.
 */
public final class Encodings {

    /** How many bytes the detection looks at. */
    public static final int SAMPLE = 64 * 1024;

    public static final Charset GBK = Charset.forName("GB18030");

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Encodings() {
    }

    /** The encoding of a file, from its first bytes. */
    public static Charset detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in.readNBytes(SAMPLE));
        }
    }

    /**
     * The encoding of a file whose first bytes are given: UTF-8 if they start with a BOM or decode
     * as UTF-8 (a character cut at the end of the sample is allowed), GBK otherwise.
     */
    public static Charset detect(byte[] sample) {
        if (hasBom(sample)) {
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(sample.length + 1);
        // endOfInput=false: a multi-byte character cut by the sample's end is underflow, not an error.
        CoderResult result = utf8.decode(in, out, sample.length < SAMPLE);
        return result.isError() ? GBK : StandardCharsets.UTF_8;
    }

    /** Whether the bytes start with the UTF-8 byte order mark. */
    public static boolean hasBom(byte[] start) {
        return start.length >= 3 && start[0] == BOM[0] && start[1] == BOM[1] && start[2] == BOM[2];
    }

    /**
     * The charset an operator names: {@code UTF-8}/{@code UTF8}, {@code GBK}/{@code GB2312}/
     * {@code GB18030} (all read as GB18030), or blank/{@code AUTO} for detection (null).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Charset named(String name) {
        if (name == null || name.isBlank() || name.trim().equalsIgnoreCase("AUTO")) {
            return null;
        }
        return switch (name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "UTF8" -> StandardCharsets.UTF_8;
            case "GBK", "GB2312", "GB18030", "CP936" -> GBK;
            default -> throw new IllegalArgumentException("unsupported import encoding " + name);
        };
    }

    /** The short name shown to operators and stored with a run: UTF-8 or GBK. */
    public static String label(Charset charset) {
        return StandardCharsets.UTF_8.equals(charset) ? "UTF-8" : "GBK";
    }

    /** A strict decoder: bytes that are not text in the charset raise an error instead of becoming '?'. */
    static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    static boolean isCodingError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }
}
