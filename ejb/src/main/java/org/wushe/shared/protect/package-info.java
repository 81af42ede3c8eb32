/**
 * Residents' identifiers at rest: AES-GCM encryption with a key id per value ({@link org.wushe.shared.protect.Sealed}),
 * the keyed look-up hash beside it, and the keys from outside the database ({@link org.wushe.shared.protect.DataKeys}).
 */
package org.wushe.shared.protect;
