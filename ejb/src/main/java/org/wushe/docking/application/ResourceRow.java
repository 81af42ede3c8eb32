package org.wushe.docking.application;

import java.time.LocalDate;

/** One line of the resource ledger. */
public record ResourceRow(Long id, String name, String sphere, String type, String categoryCode, String providerName,
                          int capacity, int reserved, int remaining, String unit, LocalDate availableFrom,
                          LocalDate availableUntil, String status, boolean availableNow) {
}
