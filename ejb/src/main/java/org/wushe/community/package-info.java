/**
 * Community and people: the city's sub-districts, communities and grid cells, the residents who
 * live there (with their masked personal data and change history) and the actors of the
 * concentric circle. Depends on {@code shared}, {@code security} (scope of the caller) and
 * {@code audit} (reveals and exports are logged).
 */
package org.wushe.community;
