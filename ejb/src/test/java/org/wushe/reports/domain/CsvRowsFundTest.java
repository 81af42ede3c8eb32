package org.wushe.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wushe.assessment.application.FundShares;

class CsvRowsFundTest {

    private static final FundShares.Row ELDER = new FundShares.Row("ELDER_RENOVATION", 87_000, 870, 0, 87_000, 870,
            null, null, 2000, "HARD", true, true);
    private static final FundShares.Row PUBLICITY = new FundShares.Row("PUBLICITY", 213_000, 2130, 0, 100_000, 1000,
            1500, "SOFT", null, null, true, false);

    @Test
    void aCommunityFileHasTwoSharesPerCategory_thenTheCategoriesBreakingALimit() {
        List<List<String>> rows = CsvRows.fund(List.of(ELDER, PUBLICITY), Map.of("ELDER_RENOVATION", "适老化改造"));
        assertEquals(List.of(
                List.of("FUND_ALLOCATED_SHARE.ELDER_RENOVATION", "基金拨款占比：适老化改造（下限 20.0%（硬）） 超出限制", "8.70", "%"),
                List.of("FUND_SPENT_SHARE.ELDER_RENOVATION", "基金支出占比：适老化改造（下限 20.0%（硬）） 超出限制", "8.70", "%"),
                List.of("FUND_ALLOCATED_SHARE.PUBLICITY", "基金拨款占比：PUBLICITY（上限 15.0%（软）） 超出限制", "21.30", "%"),
                List.of("FUND_SPENT_SHARE.PUBLICITY", "基金支出占比：PUBLICITY（上限 15.0%（软））", "10.00", "%"),
                List.of("FUND_BREAKING_CATEGORIES", "超出比例限制的类别数", "2", "个")), rows);
    }

    @Test
    void noFund_noRows() {
        assertEquals(List.of(), CsvRows.fund(List.of(), Map.of()));
    }

    @Test
    void theCityFileHasTheSpendingSharesAndTheBreakingCategories() {
        assertEquals(List.of("ELDER_RENOVATION=8.70;PUBLICITY=10.00", "ELDER_RENOVATION;PUBLICITY"),
                CsvRows.cityFundCells(List.of(ELDER, PUBLICITY)));
        assertEquals(CsvRows.cityHeader().size() + 2, CsvRows.cityHeaderWithFund().size());
        assertEquals(List.of("FUND_SPENT_SHARES", "FUND_BREAKING_CATEGORIES"),
                CsvRows.cityCodesWithFund().subList(CsvRows.cityCodes().size(), CsvRows.cityCodes().size() + 2));
        assertEquals(List.of("各类别基金支出占比（%）", "超出比例限制的类别"),
                CsvRows.cityHeaderWithFund().subList(CsvRows.cityHeader().size(), CsvRows.cityHeader().size() + 2));
    }

    @Test
    void basisPointsAsAPercentWithTwoDecimals() {
        assertEquals("33.33", CsvRows.bpPercent(3333));
        assertEquals("0.05", CsvRows.bpPercent(5));
        assertEquals("100.00", CsvRows.bpPercent(10_000));
    }
}
