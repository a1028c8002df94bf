package org.gridcc.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The first admin's generated password must pass the service's own password rule, or a fresh ./run fails to start. */
class GeneratedPasswordTests {

    @Test
    void everyGeneratedPasswordPassesThePasswordRule() {
        // Without drawing again, about one in twelve has no digit: 2,000 draws find one all but surely.
        for (int i = 0; i < 2_000; i++) {
            String password = Secrets.newPassword();
            assertEquals(Optional.empty(), Passwords.weakness(password), password);
            assertEquals(16, password.length(), password);
        }
    }
}
