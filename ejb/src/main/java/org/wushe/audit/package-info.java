/**
 * The append-only audit log: who saw or exported which personal data, when, why and from where,
 * and the sign-in lockouts and throttled client addresses. Nothing here offers to change or delete an entry. Depends on
 * {@code shared} and {@code security}.
 */
package org.wushe.audit;
