package org.wushe.fund.domain;

/** What an uploaded file is: an expenditure's invoice or receipt, or a progress photo. */
public enum FilePurpose {
    RECEIPT, PHOTO
}
