/**
 * Start-up of the application: the schema migrations (Flyway, before anything touches the
 * database) and the demo city loader. May depend on every feature's domain; nothing depends on it.
 */
package org.wushe.platform;
