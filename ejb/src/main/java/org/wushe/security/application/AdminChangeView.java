package org.wushe.security.application;

import java.time.Instant;
import org.wushe.security.domain.AdminChangeRequest;

/** A requested change to an administrator account, as the second security administrator sees it. */
public record AdminChangeView(Long id, AdminChangeRequest.Kind kind, String username, String summary,
                              AdminChangeRequest.Status status, String requestedBy, Instant requestedAt,
                              String decidedBy, Instant decidedAt, String decisionReason) {

    static AdminChangeView of(AdminChangeRequest r) {
        return new AdminChangeView(r.getId(), r.getKind(), r.getUsername(), r.getSummary(), r.getStatus(),
                r.getRequestedBy(), r.getRequestedAt(), r.getDecidedBy(), r.getDecidedAt(), r.getDecisionReason());
    }
}
