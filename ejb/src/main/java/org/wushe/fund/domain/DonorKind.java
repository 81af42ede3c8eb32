package org.wushe.fund.domain;

/** Who gave: a resident, a merchant, an enterprise or a foundation. */
public enum DonorKind {
    RESIDENT, MERCHANT, ENTERPRISE, FOUNDATION
}
