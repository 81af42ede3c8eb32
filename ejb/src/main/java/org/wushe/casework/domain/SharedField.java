package org.wushe.casework.domain;

/**
 * The resident's personal data an external department may see in a joint meeting's agenda, chosen
 * per meeting by what the case needs. The ID number is never shared; phone and address are shared
 * masked.
 */
public enum SharedField {
    NAME, GENDER, AGE, ADDRESS, PHONE, TAGS
}
