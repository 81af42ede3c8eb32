package org.wushe.community.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void idNumber_keepsFirstSixAndLastFour() {
        assertEquals("110105********002X", Masking.idNumber("11010519491231002X"));
    }

    @Test
    void phone_keepsFirstThreeAndLastFour() {
        assertEquals("138****5678", Masking.phone("13812345678"));
    }

    @Test
    void address_isCutAfterTheStreet_notAfterTheSubDistrict() {
        assertEquals("江城市东湖区东湖街道桃园路****", Masking.address("江城市东湖区东湖街道桃园路12号3栋2单元501室"));
        assertEquals("北京市朝阳区建国门外大街****", Masking.address("北京市朝阳区建国门外大街1号国贸公寓"));
        assertEquals("江城市东湖区和平大道****", Masking.address("江城市东湖区和平大道88号"));
    }

    @Test
    void address_withoutStreetMarker_keepsSixCharacters() {
        assertEquals("幸福家园小区****", Masking.address("幸福家园小区12栋301"));
    }

    @Test
    void nulls_stayNull() {
        assertNull(Masking.idNumber(null));
        assertNull(Masking.phone(null));
        assertNull(Masking.address(null));
    }
}
