package org.gridcc.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReporterPrivacyTests {

    @Test
    void namesKeepTheirFirstCharacter() {
        assertThat(ReporterPrivacy.maskName("张三")).isEqualTo("张*");
        assertThat(ReporterPrivacy.maskName("欧阳娜娜")).isEqualTo("欧***");
        assertThat(ReporterPrivacy.maskName("王")).isEqualTo("王*");
        assertThat(ReporterPrivacy.maskName(" 李四 ")).isEqualTo("李*");
        assertThat(ReporterPrivacy.maskName(null)).isNull();
    }

    @Test
    void mobileNumbersKeepTheirFirstThreeAndLastFourDigits() {
        assertThat(ReporterPrivacy.maskPhone("13812341234")).isEqualTo("138****1234");
        assertThat(ReporterPrivacy.maskPhone("+86 138-1234-1234")).isEqualTo("861******1234");
        assertThat(ReporterPrivacy.maskPhone("8123456")).isEqualTo("*****56");
        assertThat(ReporterPrivacy.maskPhone("12")).isEqualTo("**");
    }
}
