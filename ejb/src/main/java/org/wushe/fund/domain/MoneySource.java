package org.wushe.fund.domain;

/** Where an allocation takes its money from: unrestricted cash, the project's restricted fund, or the category's restricted fund. */
public enum MoneySource {
    CASH, PROJECT_FUND, CATEGORY_FUND
}
