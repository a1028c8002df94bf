package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import org.gridcc.common.ProblemException;
import org.junit.jupiter.api.Test;

class FieldMappingTests {

    private static final Optional<String> NONE = Optional.empty();

    @Test
    void chineseNamesAreDetected() {
        FieldMapping mapping = FieldMapping.detect(List.of("编码", "名称", "上级编码", "网格长", "人口"), NONE, NONE, NONE, NONE);
        assertThat(mapping).isEqualTo(new FieldMapping("编码", "名称", "上级编码", "网格长"));
    }

    @Test
    void englishNamesAreDetectedWhateverTheCase() {
        FieldMapping mapping = FieldMapping.detect(List.of("FID_1", "grid_code", "Grid_Name", "pcode"), NONE, NONE, NONE, NONE);
        assertThat(mapping).isEqualTo(new FieldMapping("grid_code", "Grid_Name", "pcode", null));
    }

    @Test
    void givenNamesWin() {
        FieldMapping mapping = FieldMapping.detect(List.of("CODE", "NAME", "WGBM", "WGMC"), Optional.of("WGBM"), Optional.of("WGMC"), NONE, NONE);
        assertThat(mapping).isEqualTo(new FieldMapping("WGBM", "WGMC", null, null));
    }

    @Test
    void givenNameThatIsNotAFieldIsRefusedListingTheFields() {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> FieldMapping.detect(List.of("编码", "名称"), Optional.of("网格编号"), NONE, NONE, NONE));
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("codeField");
            assertThat(error.message()).contains("网格编号").contains("编码, 名称");
        });
    }

    @Test
    void missingNameIsRefusedNamingTheRole() {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> FieldMapping.detect(List.of("编码", "备注"), NONE, NONE, NONE, NONE));
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("nameField");
            assertThat(error.message()).contains("grid name").contains("编码, 备注");
        });
    }
}
