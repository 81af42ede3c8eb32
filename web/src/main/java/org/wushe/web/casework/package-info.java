/**
 * Screens of social worker + grid worker: the patrol log, the referral inbox and outbox, the case
 * files (restricted), the stubborn-case board, joint meetings with their plan, the two indices.
 */
package org.wushe.web.casework;
