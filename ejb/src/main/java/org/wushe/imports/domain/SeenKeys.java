package org.wushe.imports.domain;

/**
 * The keys seen so far in one file and the line each was first seen on, for the duplicate check.
 * Primitive open addressing (a {@code long} key and an {@code int} line per slot, about 24 bytes a
 * key at most), because it is the one thing of an import that grows with the file: a million
 * lines cost about 24 MB here, where a {@code HashSet<String>} of ID numbers costs over 100 MB.
 */
public final class SeenKeys {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] lines;
    private int size;

    public SeenKeys() {
        this(1 << 12);
    }

    public SeenKeys(int capacity) {
        int cap = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        keys = new long[cap];
        lines = new int[cap];
        java.util.Arrays.fill(keys, EMPTY);
    }

    /**
     * Remembers {@code key} as first seen on {@code line}, unless it was seen before.
     *
     * @return the line it was first seen on, or 0 when it is new
     */
    public long firstSeen(long key, long line) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("reserved key");
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                return lines[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        lines[i] = (int) Math.min(line, Integer.MAX_VALUE);
        if (++size * 4 > keys.length * 3) {
            grow();
        }
        return 0;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new int[oldKeys.length * 2];
        java.util.Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = mix(oldKeys[j]) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                lines[i] = oldLines[j];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The key of an ID number: its first 17 digits (the 18th is their check character). */
    public static long ofIdNumber(String valid18) {
        return Long.parseLong(valid18, 0, 17, 10);
    }

    /**
     * The key of any text (a code, or an ID number and a code): its 64-bit FNV-1a hash. Two
     * different texts share a key with a chance of about n²/2^65 (3·10^-8 for a million lines).
     */
    public static long ofText(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == EMPTY ? 0 : h;
    }
}
