package org.wushe.volunteering.domain;

/**
 * Who verifies service hours: their user name and account, whether they supervise the position,
 * and their own resident record's id and household (both null for staff who do not live there).
 */
public record Verifier(String username, Long accountId, boolean supervisesPosition, Long residentId,
                       String householdCode) {
}
