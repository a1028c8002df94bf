package org.gridcc.access;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Behind a proxy, Quarkus takes the client's address from {@code X-Forwarded-For}
 * ({@code quarkus.http.proxy.*}), and only from the proxies in {@code trusted-proxies}. With
 * forwarding on and that list empty it believes every sender: anyone could then choose the address
 * its sign-ins are slowed and audited under. The service refuses to start so configured.
 */
@ApplicationScoped
public class TrustedProxies {

    void onStart(@Observes @Priority(5) StartupEvent start,
                 @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean forwarding,
                 @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trusted) {
        misconfiguration(forwarding, trusted).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** What is wrong with these proxy settings, if anything. */
    static Optional<String> misconfiguration(boolean forwarding, Optional<List<String>> trusted) {
        if (!forwarding || trusted.map(list -> list.stream().anyMatch(proxy -> !proxy.isBlank())).orElse(false)) return Optional.empty();
        return Optional.of("quarkus.http.proxy.proxy-address-forwarding is on but quarkus.http.proxy.trusted-proxies names no proxy: "
                + "X-Forwarded-For would be believed from anyone. List the proxies' addresses or CIDRs "
                + "(QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=10.0.0.5), or turn forwarding off.");
    }
}
