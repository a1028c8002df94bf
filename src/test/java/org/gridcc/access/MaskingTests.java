package org.gridcc.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void namesKeepTheirFirstCharacter() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("王")).isEqualTo("王*");
        assertThat(Masking.name(" 李四 ")).isEqualTo("李*");
        assertThat(Masking.name(null)).isNull();
    }

    @Test
    void mobileNumbersKeepTheirFirstThreeAndLastFourDigits() {
        assertThat(Masking.phone("13812341234")).isEqualTo("138****1234");
        assertThat(Masking.phone("+86 138-1234-1234")).isEqualTo("861******1234");
        assertThat(Masking.phone("8123456")).isEqualTo("*****56");
        assertThat(Masking.phone("12")).isEqualTo("**");
    }
}
