package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridcc.common.ProblemException;
import org.junit.jupiter.api.Test;

/** Numbers in plain notation, progress reports and field detection, each checked on its own. */
class SmallPartsTests {

    @Test
    void numbersAreWrittenAsAPersonWritesThem() {
        assertThat(Numbers.plain(530324101.0)).isEqualTo("530324101");
        assertThat(Numbers.plain(12.50)).isEqualTo("12.5");
        assertThat(Numbers.plain(0.0000001)).isEqualTo("0.0000001");
        assertThat(Numbers.plain(-3.0)).isEqualTo("-3");
        assertThat(Numbers.plain(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.plain(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(Numbers.plain(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void progressIsToldEveryFiveHundredAndAtTheEnd() {
        List<Integer> told = new ArrayList<>();
        ReadProgress progress = (done, total) -> told.add(done);
        for (int done = 1; done <= 1234; done++) progress.step(done, 1234);
        assertThat(told).containsExactly(500, 1000, 1234);

        told.clear();
        for (int done = 1; done <= 1000; done++) progress.step(done, 1000);
        assertThat(told).containsExactly(500, 1000);

        told.clear();
        for (int done = 1; done <= 3; done++) progress.step(done, 3);
        assertThat(told).containsExactly(3);
    }

    @Test
    void aBlankGivenFieldNameIsTheSameAsNone() {
        FieldMapping mapping = FieldMapping.detect(List.of("编码", "名称"), Optional.of("  "), Optional.of(""), Optional.empty(), Optional.empty());
        assertThat(mapping).isEqualTo(new FieldMapping("编码", "名称", null, null));
    }

    @Test
    void missingCodeIsRefusedNamingTheRoleAndTheCommonNames() {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> FieldMapping.detect(List.of("名称", "备注"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("codeField");
            assertThat(error.message()).contains("the grid code").contains("编码, 代码").contains("名称, 备注").contains("codeField=");
        });
    }
}
