package org.gridcc.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.gridcc.common.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * The check character against references that do not come from CaseCode: numbers published
 * with their check characters (worked by hand below), and the ISO 7064 MOD 11-2 validity rule
 * written as a weighted sum, which is a different formula from the code's running remainder.
 */
class CaseCodeCheckCharacterTests {

    /**
     * GB 11643-1999's second example, 440524188001010014. The running remainder
     * p ← (p + digit) × 2 mod 11 over 4 4 0 5 2 4 1 8 8 0 0 1 0 1 0 0 1:
     * 8, 2, 4, 7, 7, 0, 2, 9, 1, 2, 4, 10, 9, 9, 7, 3, 8; check (12 − 8) mod 11 = 4.
     */
    @Test
    void theSecondResidentIdentityExampleEndsInFour() {
        assertThat(CaseCode.check("44052418800101001")).isEqualTo('4');
    }

    /**
     * ORCID iDs carry the same ISO 7064 MOD 11-2 check character; ORCID's documentation
     * publishes 0000-0002-1825-0097 and 0000-0001-5109-3700.
     * 000000021825009: seven zeros leave p = 0; then 2→4, 1→10, 8→3, 2→10, 5→8, 0→5, 0→10,
     * 9→5; check (12 − 5) mod 11 = 7.
     * 000000015109370: 1→2, 5→3, 1→8, 0→5, 9→6, 3→7, 7→6, 0→1; check (12 − 1) mod 11 = 0
     * (the one case where the outer "mod 11" matters: 11 must become 0).
     */
    @Test
    void publishedOrcidIdentifiersEndInSevenAndZero() {
        assertThat(CaseCode.check("000000021825009")).isEqualTo('7');
        assertThat(CaseCode.check("000000015109370")).isEqualTo('0');
        // ORCID's third documented example, 0000-0002-1694-233X, ends in X.
        assertThat(CaseCode.check("000000021694233")).isEqualTo('X');
    }

    /**
     * A hand-sized case: "1" gives p = 2, check (12 − 2) mod 11 = 10 = X; "2" gives p = 4,
     * check 8; "6" gives p = 12 mod 11 = 1, check 0; "0" gives p = 0, check 12 mod 11 = 1.
     */
    @Test
    void oneDigitByHand() {
        assertThat(CaseCode.check("1")).isEqualTo('X');
        assertThat(CaseCode.check("2")).isEqualTo('8');
        assertThat(CaseCode.check("6")).isEqualTo('0');
        assertThat(CaseCode.check("0")).isEqualTo('1');
        assertThat(CaseCode.check("")).isEqualTo('1');
    }

    /**
     * Every printed code satisfies ISO 7064's validity rule, and every one of the eleven check
     * characters turns up, each a digit or X at the right value.
     */
    @Test
    void printedCodesSatisfyTheIso7064Rule() {
        Set<Character> seen = new HashSet<>();
        for (String county : new String[] {"530324", "110105", "440524"}) {
            for (int serial = 0; serial < 60; serial++) {
                CaseCode code = new CaseCode(county, LocalDate.of(2026, 1, 1).plusDays(serial * 7L), serial * 97L + 1);
                String text = code.text();
                char check = text.charAt(text.length() - 1);
                String digits = text.substring(0, text.length() - 1).replace("-", "");
                assertThat(isValid(digits + check)).as(text).isTrue();
                assertThat(check).as(text).isEqualTo(referenceCheck(digits));
                assertThat(CaseCode.parse(text)).isEqualTo(code);
                seen.add(check);
            }
        }
        assertThat(seen).containsExactlyInAnyOrder('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
    }

    @Test
    void aSerialBeyondSixDigitsIsPrintedWholeAndReadBack() {
        CaseCode code = new CaseCode("530324", LocalDate.of(2026, 11, 26), 1_234_567);
        String text = code.text();
        assertThat(text).startsWith("530324-20261126-1234567-").hasSize(6 + 1 + 8 + 1 + 7 + 2);
        assertThat(text.charAt(text.length() - 1)).isEqualTo(referenceCheck("530324202611261234567"));
        assertThat(CaseCode.parse(text)).isEqualTo(code);
        assertThat(code).hasToString(text);
    }

    @Test
    void aRightCheckOnAnImpossibleDateSaysTheDate() {
        String digits = "530324" + "20261131" + "000042"; // 31 November
        String typed = digits + referenceCheck(digits);
        assertThatThrownBy(() -> CaseCode.parse(typed))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("no valid date");
    }

    @Test
    void nothingTypedIsNotACode() {
        assertThatThrownBy(() -> CaseCode.parse(null)).isInstanceOf(ProblemException.class).hasMessageContaining("is not a case code");
        assertThatThrownBy(() -> CaseCode.parse("")).isInstanceOf(ProblemException.class).hasMessageContaining("is not a case code");
    }

    @Test
    void aWrongCheckCharacterIsRefusedEvenWhenItIsX() {
        String digits = "530324" + "20261126" + "000042";
        char right = referenceCheck(digits);
        for (char wrong : "0123456789X".toCharArray()) {
            if (wrong == right) continue;
            assertThatThrownBy(() -> CaseCode.parse(digits + wrong)).as("%s", wrong).hasMessageContaining("check character");
        }
    }

    /**
     * ISO 7064 MOD 11-2 validity: with the check character at position 1 and the digits
     * numbered leftwards from 2, the sum of value × 2^(position − 1) is 1 mod 11 (X counts 10).
     */
    private static boolean isValid(String withCheck) {
        int sum = 0;
        int weight = 1; // 2^0 mod 11
        for (int i = withCheck.length() - 1; i >= 0; i--) {
            char c = withCheck.charAt(i);
            int value = c == 'X' ? 10 : c - '0';
            sum = (sum + value * weight) % 11;
            weight = weight * 2 % 11;
        }
        return sum == 1;
    }

    /** The one character among 0-9 and X that makes the string valid, found by trying all eleven. */
    private static char referenceCheck(String digits) {
        char found = 0;
        for (char candidate : "0123456789X".toCharArray()) {
            if (isValid(digits + candidate)) {
                assertThat((int) found).as("more than one check character fits " + digits).isZero();
                found = candidate;
            }
        }
        return found;
    }
}
