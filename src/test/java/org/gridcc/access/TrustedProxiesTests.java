package org.gridcc.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustedProxiesTests {

    @Test
    void forwardingWithoutATrustedProxyIsRefused() {
        assertThat(TrustedProxies.misconfiguration(true, Optional.empty())).get().asString()
                .contains("quarkus.http.proxy.trusted-proxies");
        assertThat(TrustedProxies.misconfiguration(true, Optional.of(List.of(" ")))).isPresent();
    }

    @Test
    void forwardingFromNamedProxiesOrNoForwardingAtAllIsFine() {
        assertThat(TrustedProxies.misconfiguration(true, Optional.of(List.of("10.0.0.5", "192.168.1.0/24")))).isEmpty();
        assertThat(TrustedProxies.misconfiguration(false, Optional.empty())).isEmpty();
    }
}
