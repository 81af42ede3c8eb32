/**
 * The organisation services, one per use-case group: {@code OrganisationService} (register, list,
 * show and reveal, members), {@code OrganisationRecordService} (activities, funds per year,
 * recognition), {@code OrganisationTierService} (tiers overview, support checklist ticks),
 * {@code OrganisationSettingsService} (the city's thresholds and checklist items). Their shared
 * checks are {@code OrganisationAccess} (right and scope) and {@code OrganisationForms} (fields).
 */
package org.wushe.organisation.application;
