package org.gridcc.cases;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.gridcc.access.TestUsers;
import org.gridcc.sla.DeadlineKind;
import org.junit.jupiter.api.Test;

/** The pages' words for a case's codes come from the service's enums, every code named. */
@QuarkusTest
class CaseWordsIT {

    @Test
    void everyStateActionChannelRiskAndDeadlineKindHasItsWord() {
        TestUsers.user("officer", "530324", null).given().get("/api/cases/words").then().statusCode(200)
                .body("statuses", aMapWithSize(CaseStatus.values().length))
                .body("actions", aMapWithSize(CaseAction.values().length))
                .body("channels", aMapWithSize(Channel.values().length))
                .body("risks", aMapWithSize(Risk.values().length))
                .body("deadlineKinds", aMapWithSize(DeadlineKind.values().length))
                .body("statuses.received", equalTo("已登记"))
                .body("actions.claim", equalTo("签收"))
                .body("actions.mediate", equalTo("调解"))
                .body("channels.hotline_12345", equalTo("12345热线"))
                .body("risks.high", equalTo("高"))
                // The claim deadline is met by the claim action: one word for both.
                .body("deadlineKinds.CLAIM", equalTo("签收"));
    }

    @Test
    void noWordsWithoutSigningIn() {
        TestUsers.anonymous().get("/api/cases/words").then().statusCode(401);
    }
}
