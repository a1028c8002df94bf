package org.gridcc.common;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTests {

    @Test
    void anExtensionCannotHideAMemberOfTheProblem() {
        assertThatThrownBy(() -> new Problem("urn:x", "Conflict", 409, "d", null, List.of(), null, Map.of("status", "received")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status");
    }
}
