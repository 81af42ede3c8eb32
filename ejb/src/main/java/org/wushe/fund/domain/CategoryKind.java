package org.wushe.fund.domain;

/** A spending category's nature: real needs (minimum shares), image and publicity (maximum shares), or other. */
public enum CategoryKind {
    NEEDS, IMAGE, OTHER
}
