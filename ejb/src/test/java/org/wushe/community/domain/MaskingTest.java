package org.wushe.community.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void idNumber_keepsFirstAndLastCharacterOnly() {
        assertEquals("1****************1", Masking.idNumber("110105194912310021"));
        assertEquals("1****************X", Masking.idNumber("11010519491231002X"));
    }

    @Test
    void age_isShownAsABandOfTenYears() {
        assertEquals("60–69", Masking.ageBand(60));
        assertEquals("60–69", Masking.ageBand(69));
        assertEquals("0–9", Masking.ageBand(0));
        assertEquals("90–99", Masking.ageBand(99));
        assertEquals("100+", Masking.ageBand(103));
    }

    @Test
    void idNumber_tooShortToMask_isAllStars() {
        assertEquals("****", Masking.idNumber("123456789"));
    }

    @Test
    void phone_keepsFirstThreeAndLastFour() {
        assertEquals("138****5678", Masking.phone("13812345678"));
    }

    @Test
    void phone_tooShortToMask_isAllStars() {
        assertEquals("****", Masking.phone("123456"));
    }

    @Test
    void address_skipsTheSubDistrictAndIsCutAfterTheStreet() {
        assertEquals("江城市东湖区东湖街道桃园路****", Masking.address("江城市东湖区东湖街道桃园路12号3栋2单元501室"));
    }

    @Test
    void address_withoutSubDistrict_isCutAfterTheFirstStreetMarker() {
        assertEquals("江城市东湖区和平大道****", Masking.address("江城市东湖区和平大道88号"));
        assertEquals("北京市朝阳区建国门外大街****", Masking.address("北京市朝阳区建国门外大街1号国贸公寓"));
        assertEquals("上海市黄浦区南京东路****", Masking.address("上海市黄浦区南京东路100弄3号"));
        assertEquals("北京市东城区南锣鼓巷****", Masking.address("北京市东城区南锣鼓巷59号"));
        assertEquals("北京市西城区大栅栏胡同****", Masking.address("北京市西城区大栅栏胡同8号院"));
    }

    @Test
    void address_inACounty_isCutAfterTheStreet() {
        assertEquals("江城市东湖县城关镇和平路****", Masking.address("江城市东湖县城关镇和平路5号"));
    }

    @Test
    void address_ofTheDemoCityShape_isCutAfterTheStreet() {
        // DemoCityLoader writes city + district + sub-district + street + number…
        assertEquals("江城市东湖区西山街道长春街****", Masking.address("江城市东湖区西山街道长春街7号2栋1单元302室"));
        assertEquals("江城市东湖区东湖街道梅园巷****", Masking.address("江城市东湖区东湖街道梅园巷300号12栋4单元1804室"));
    }

    @Test
    void address_withoutStreetMarker_keepsTheFirstSixCharacters() {
        assertEquals("幸福家园小区****", Masking.address("幸福家园小区12栋301"));
        assertEquals("幸福家园12****", Masking.address("幸福家园12栋301"));
    }

    @Test
    void address_endingWithTheStreet_hasNothingToHide() {
        assertEquals("江城市东湖区桃园路", Masking.address("江城市东湖区桃园路"));
        assertEquals("短地址", Masking.address("短地址"));
    }

    @Test
    void nulls_stayNull() {
        assertNull(Masking.idNumber(null));
        assertNull(Masking.phone(null));
        assertNull(Masking.address(null));
    }

    @Test
    void blankAddress_staysBlank() {
        assertEquals("", Masking.address(""));
        assertEquals("  ", Masking.address("  "));
    }

    @Test
    void address_anEstateNamedWithQu_isDetail_notTheDistrict() {
        assertEquals("江城市东湖区桃园路****", Masking.address("江城市东湖区桃园路12号花园小区东街5号"));
        assertEquals("江城市东湖区东湖街道桃园路****", Masking.address("江城市东湖区东湖街道桃园路12号幸福小区3栋2单元501室"));
    }
}
