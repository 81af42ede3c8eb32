package org.wushe.points.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a volunteer sees of their points: the balance and the entries, newest first, each with its source. */
public record Statement(Long accountId, long balance, long totalEntries, List<Line> lines) {

    /** One entry: when, how many points (negative when spent), why, and until when earned points last. */
    public record Line(Instant at, long points, String sourceType, Long sourceId, String memo, LocalDate expiresOn) {
    }
}
