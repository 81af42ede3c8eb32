/**
 * What every feature shares: typed failures with message keys, the one way to read a choice or an
 * amount ({@link org.wushe.shared.Choices}), paging, the injected clock and the JPA converters. Depends on nothing else in Wushe; everything may depend on it.
 */
package org.wushe.shared;
