package org.wushe.docking.application;

/**
 * A need as registered: the grid cell it belongs to, optionally the resident concerned (by id), a
 * category of the bureau's list, urgency, source, a title and a description. Plain strings, checked
 * by {@link NeedWorkflow#register}.
 */
public record NeedForm(String gridCode, Long residentId, String categoryCode, String urgency, String source,
                       String title, String description) {
}
