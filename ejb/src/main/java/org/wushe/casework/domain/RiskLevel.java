package org.wushe.casework.domain;

/** How urgent a referral is; the receiving social worker's deadline follows from it. */
public enum RiskLevel {
    HIGH, MEDIUM, LOW
}
