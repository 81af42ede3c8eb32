package org.wushe.fund.domain;

import java.util.Optional;

/**
 * The file types the fund accepts, recognised by their first bytes (never by the name or the type
 * a browser claims): JPEG, PNG and, for receipts only, PDF.
 */
public enum FileType {
    JPEG("image/jpeg", new int[] {0xFF, 0xD8, 0xFF}),
    PNG("image/png", new int[] {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A}),
    PDF("application/pdf", new int[] {0x25, 0x50, 0x44, 0x46, 0x2D});

    /** The most an upload may weigh: 5 MB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private final String contentType;
    private final int[] magic;

    FileType(String contentType, int[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public boolean isImage() {
        return this != PDF;
    }

    /** The type whose magic bytes start the content, if any. */
    public static Optional<FileType> sniff(byte[] content) {
        if (content == null) {
            return Optional.empty();
        }
        for (FileType t : values()) {
            if (content.length >= t.magic.length) {
                boolean match = true;
                for (int i = 0; i < t.magic.length && match; i++) {
                    match = (content[i] & 0xFF) == t.magic[i];
                }
                if (match) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    public static Optional<FileType> ofContentType(String contentType) {
        for (FileType t : values()) {
            if (t.contentType.equals(contentType)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
