/**
 * Security: accounts with their role and scope, sign-in with PBKDF2 hashes, account lockout and the
 * throttle of client addresses, and the {@code Caller} every service asks before it reads or changes
 * community data. Depends on {@code shared}, the geography of {@code community.domain} and, for the
 * sign-in's audit entries and client address, {@code audit}.
 */
package org.wushe.security;
