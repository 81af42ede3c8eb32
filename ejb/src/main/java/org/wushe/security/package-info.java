/**
 * Security: accounts with their role and scope, sign-in with PBKDF2 hashes and lockout, and the
 * {@code Caller} every service asks before it reads or changes community data. Depends on
 * {@code shared} and the geography of {@code community.domain}.
 */
package org.wushe.security;
