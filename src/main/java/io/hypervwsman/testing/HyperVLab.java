package io.hypervwsman.testing;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.sim.SimulatedLab;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A test's simulated lab as {@link SimulatedHyperVLab} injects it: its hosts by name, each host's {@link WinRmEndpoint},
 * client sessions to them (closed after the test) and the hosts block of a recovery plan naming them all.
 */
public final class HyperVLab {
    private final SimulatedLab lab;
    private final String user;
    private final char[] password;
    private final ManualClock clock;
    private final List<HyperVHost> clients = new ArrayList<>();

    HyperVLab(SimulatedLab lab, String user, char[] password, ManualClock clock) {
        this.lab = lab;
        this.user = user;
        this.password = password.clone();
        this.clock = clock;
    }

    /** The simulated lab itself (hosts' state, taking a site down). */
    public SimulatedLab sim() {
        return lab;
    }

    /** The lab's hosts, site by site. */
    public List<String> hostNames() {
        return lab.hostNames();
    }

    /** The endpoint and account of {@code host}. */
    public WinRmEndpoint endpoint(String host) {
        return new WinRmEndpoint(lab.endpoint(host), user, password);
    }

    /**
     * A client session to {@code host} (NTLM, message encryption); with a manual clock its waits between job polls
     * advance that clock instead of sleeping.
     */
    public HyperVHost connect(String host) {
        HyperVHost.Builder b = HyperVHost.builder().connect(endpoint(host).connectionOptions()).name(host);
        if (clock != null) {
            b.clock(clock).sleeper(clock::advance);
        }
        HyperVHost client = b.build();
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    /**
     * The {@code hosts:} block of a recovery plan with one entry per lab host, keyed by its name in lower case
     * (prod-hv1: { endpoint, user, auth: ntlm }); plans name the user, never the password.
     */
    public String planHosts() {
        StringBuilder b = new StringBuilder("hosts:\n");
        for (String h : hostNames()) {
            b.append("  ").append(h.toLowerCase(Locale.ROOT)).append(": { endpoint: \"").append(lab.endpoint(h))
                    .append("\", user: '").append(user).append("', auth: ntlm }\n");
        }
        return b.toString();
    }

    void close() {
        synchronized (clients) {
            clients.forEach(HyperVHost::close);
        }
        lab.close();
        Arrays.fill(password, '\0');
    }
}
