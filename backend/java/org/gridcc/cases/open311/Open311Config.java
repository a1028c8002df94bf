package org.gridcc.cases.open311;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Settings of the Open311 endpoints ({@code gridcc.open311.*}). */
@ConfigMapping(prefix = "gridcc.open311")
public interface Open311Config {

    /** The keys that may post requests; with none configured, nobody can post. */
    Optional<List<String>> apiKeys();

    /** Requests one API key may post in a minute; beyond, 429 with Retry-After until the minute is over. */
    @WithDefault("120")
    int postsPerMinute();

    /**
     * The address of this GeoReport v2 endpoint as clients reach it (behind a proxy: the proxy's),
     * which the discovery document publishes; never taken from the request, whose Host anyone can set.
     */
    String endpointUrl();

    /** The discovery document's contact. */
    @WithDefault("The county's grid governance command centre (网格化治理指挥中心) answers questions about this API.")
    String contact();

    /** The discovery document's key_service: how to get an API key. */
    @WithDefault("API keys for posting requests are issued by the command centre's operators; ask them for one.")
    String keyService();
}
