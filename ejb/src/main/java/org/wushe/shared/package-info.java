/**
 * What every feature shares: typed failures with message keys, paging, the injected clock and the
 * JPA converters. Depends on nothing else in Wushe; everything may depend on it.
 */
package org.wushe.shared;
