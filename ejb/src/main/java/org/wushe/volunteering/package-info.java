/**
 * Volunteers, "position + certification": positions with a supervising social worker, shifts,
 * certifications, sign-ups, service hours and their verification. Verified hours become points
 * through the {@code points} ledger (nightly settlement). Depends on {@code shared}, {@code security},
 * {@code community}, {@code points}.
 */
package org.wushe.volunteering;
