package org.gridcc.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.gridcc.common.ProblemException;
import org.junit.jupiter.api.Test;

class CaseCodeTests {

    private final CaseCode code = new CaseCode("530324", LocalDate.of(2026, 11, 26), 42);

    @Test
    void theCheckCharacterIsTheOneOfTheResidentIdentityCard() {
        // The worked example of GB 11643: 11010519491231002X.
        assertThat(CaseCode.check("11010519491231002")).isEqualTo('X');
    }

    @Test
    void aCodeIsPrintedWithHyphensAndReadBackAsTyped() {
        String printed = code.text();
        assertThat(printed).matches("530324-20261126-000042-[0-9X]");
        assertThat(CaseCode.parse(printed)).isEqualTo(code);
        assertThat(CaseCode.parse(" " + printed.replace("-", "").toLowerCase())).isEqualTo(code);
    }

    @Test
    void everySingleMistypedDigitIsCaught() {
        String printed = code.text();
        for (int i = 0; i < printed.length() - 1; i++) {
            char c = printed.charAt(i);
            if (!Character.isDigit(c)) continue;
            for (char other = '0'; other <= '9'; other++) {
                if (other == c) continue;
                String typo = printed.substring(0, i) + other + printed.substring(i + 1);
                assertThatThrownBy(() -> CaseCode.parse(typo)).as(typo)
                        .isInstanceOf(ProblemException.class)
                        .satisfiesAnyOf(
                                e -> assertThat(e).hasMessageContaining("check character"),
                                e -> assertThat(e).hasMessageContaining("no valid date"));
            }
        }
    }

    @Test
    void swappedNeighboursAreCaught() {
        String digits = code.text().replace("-", "");
        for (int i = 0; i < digits.length() - 2; i++) {
            if (digits.charAt(i) == digits.charAt(i + 1)) continue;
            String swapped = digits.substring(0, i) + digits.charAt(i + 1) + digits.charAt(i) + digits.substring(i + 2);
            assertThatThrownBy(() -> CaseCode.parse(swapped)).as(swapped).isInstanceOf(ProblemException.class);
        }
    }

    @Test
    void somethingThatIsNotACodeSaysWhatACodeLooksLike() {
        assertThatThrownBy(() -> CaseCode.parse("12345"))
                .hasMessageContaining("is not a case code")
                .hasMessageContaining("530324-20261126-000042-3");
    }
}
