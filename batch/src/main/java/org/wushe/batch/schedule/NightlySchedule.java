package org.wushe.batch.schedule;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.wushe.jobs.domain.JobName;
import org.wushe.shared.Installation;

/**
 * When the nightly jobs run and which, in order. Read from the file named by the system property
 * {@code wushe.config} (the installation's {@code config/wushe.properties}), where each key may be
 * overridden by a system property of the same name:
 * <ul>
 *   <li>{@code wushe.nightly.at}: local time {@code HH:mm} (default 02:00), or {@code off};</li>
 *   <li>{@code wushe.nightly.jobs}: job names separated by commas (default: every job of
 *       {@link JobName}, in its order).</li>
 * </ul>
 * The night always starts with {@link JobName#INBOX_PURGE} (the retention of imported files,
 * {@code wushe.inbox.retentionDays}), listed or not.
 */
public record NightlySchedule(boolean enabled, LocalTime at, List<String> jobs) {

    public NightlySchedule {
        jobs = List.copyOf(jobs);
    }

    /** The job every night starts with: imported files past their retention are deleted. */
    static final String PURGE = JobName.INBOX_PURGE.external();

    static final String DEFAULT_JOBS = JobName.nightlyDefault().stream().map(JobName::external)
            .collect(Collectors.joining(","));

    public static NightlySchedule load() {
        return parse(Installation.setting("wushe.nightly.at", "02:00"),
                Installation.setting("wushe.nightly.jobs", DEFAULT_JOBS));
    }

    static NightlySchedule parse(String at, String jobs) {
        List<String> names = new ArrayList<>();
        // The inbox's retention is not optional: the night starts with it whatever the list says.
        names.add(PURGE);
        Arrays.stream(jobs.split(",")).map(String::trim).filter(s -> !s.isEmpty() && !s.equals(PURGE))
                .forEach(names::add);
        if ("off".equalsIgnoreCase(at.trim())) {
            return new NightlySchedule(false, null, names);
        }
        try {
            return new NightlySchedule(true, LocalTime.parse(at.trim()), names);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("wushe.nightly.at must be HH:mm or off, not '" + at + "'", e);
        }
    }
}
