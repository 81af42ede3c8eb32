/**
 * The imports' set-based JDBC: each class stores one chunk of checked rows on the connection it is
 * given (the caller's transaction), with a few batched statements instead of a query per row. Plain
 * classes, so the benchmark runs them on an embedded Derby without a server.
 */
package org.wushe.imports.infrastructure;
