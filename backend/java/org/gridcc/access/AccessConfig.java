package org.gridcc.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of sign-in and sessions ({@code gridcc.auth.*}); see docs/access.md. */
@ConfigMapping(prefix = "gridcc.auth")
public interface AccessConfig {

    /** The first admin's password; with none, one is generated and printed once when the first admin is made. */
    Optional<String> adminPassword();

    /** How long a page's session lasts after sign-in (a duty shift, with margin). */
    @WithDefault("12h")
    Duration sessionLength();

    /** Failed sign-ins in a row after which a user is locked. */
    @WithDefault("5")
    int lockAfter();

    /** How long a locked user stays locked. */
    @WithDefault("15m")
    Duration lockFor();

    /** Failed sign-ins one address may make in a clock minute, whatever names it tries; beyond, it is slowed. */
    @WithDefault("20")
    int failuresPerAddressPerMinute();

    /** How far apart the sign-ins of a slowed address take their turns (3 s: 20 more tries a minute at most). */
    @WithDefault("3s")
    Duration slowedAddressPace();

    /** bcrypt cost: 2^cost rounds (10: about 0.1 s on one core of this machine). */
    @WithDefault("10")
    int bcryptCost();
}
