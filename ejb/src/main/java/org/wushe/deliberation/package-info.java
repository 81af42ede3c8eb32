/**
 * The joint deliberation zone (协商议事区): issues whose nature fixes their workflow, resident
 * representatives, meetings and votes, the Party secretary's published veto, public decisions
 * tracked to implementation, and the regular self-examination of the platform. Depends on community,
 * security, points and (for links only) docking.
 */
package org.wushe.deliberation;
