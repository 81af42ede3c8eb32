package org.wushe.docking.application;

import java.time.Instant;
import java.util.List;

/**
 * One need with its whole loop: registration, assessment, actions (with their resources), feedback
 * and closure, and every step taken. The resident's ID number is masked; the description and the
 * findings are withheld ({@code detailsHidden}) from roles that oversee figures only.
 */
public record NeedView(Long id, String communityCode, String communityName, String gridCode, Long residentId,
                       String residentName, String residentIdNumber, String categoryCode, String urgency,
                       String source, String title, String description, String status, Instant registeredAt,
                       String registeredBy, Instant assessedAt, String assessedBy, String findings, Integer priority,
                       String feedback, Instant feedbackAt, Instant closedAt, String closedBy, Integer satisfaction,
                       String closureComment, String ratedBy, int reopenCount, boolean detailsHidden,
                       List<ActionView> actions, List<NeedEventView> events) {
}
