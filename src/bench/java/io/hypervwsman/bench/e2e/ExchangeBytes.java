package io.hypervwsman.bench.e2e;

import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import io.hypervwsman.wsman.MethodInput;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManNamespace;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Request and reply bytes per exchange, ours and pywinrm's, counted by one {@link WireTap} in front of one simulated
 * host (NTLM + message encryption): Get of a Msvm_ComputerSystem, Enumerate (WQL, not optimized) and its Pull, and
 * Invoke of Msvm_ReplicationService.RevertFailover with a VM reference. For each: the SOAP plaintext (the
 * OriginalContent length the sealed body declares) and the whole HTTP message on the wire (head + multipart body).
 * pywinrm runs {@code src/bench/python/pywinrm_operations.py} (its own envelope builder, the same bodies).
 *
 * <p>Run: {@code mvn -B -Pbench verify -DskipTests -Dbench.main=io.hypervwsman.bench.e2e.ExchangeBytes}
 */
public final class ExchangeBytes {
    private static final String V2 = "root/virtualization/v2";
    private static final String COMPUTER_SYSTEM = WsManNamespace.wmiClass(V2, "Msvm_ComputerSystem");
    private static final String REPLICATION_SERVICE = WsManNamespace.wmiClass(V2, "Msvm_ReplicationService");
    private static final List<String> OPERATIONS = List.of("Get", "Enumerate", "Pull", "Invoke RevertFailover");

    private ExchangeBytes() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try (SimulatedHost sim = BenchHosts.start(BenchHosts.recoveredReplicas("HV01", "vm", 2, i -> "PT1S"),
                Clock.systemUTC());
             WireTap tap = new WireTap(sim.endpoint())) {
            ConnectionOptions options = ConnectionOptions.builder(tap.endpoint()).auth(AuthMode.NTLM,
                    new Credentials(BenchHosts.USER, BenchHosts.PASSWORD.toCharArray())).maxConnections(1).build();
            EndpointReference service;
            try (WsManClient client = WsManClient.connect(options)) {
                try (Enumeration<EndpointReference> services = client.enumerateReferences(REPLICATION_SERVICE,
                        EnumerateOptions.all())) {
                    service = services.next();
                }
                int before = tap.messages().size();
                ours(client, service, sim.vmIds("vm-00").get(0));
                await(tap, before + 8);
            }
            List<WireTap.Message> oursMessages = tap.messages();
            String serviceKeys = service.selectors().selectors().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
            Process py = PywinrmLoad.python("src/bench/python/pywinrm_operations.py", tap.endpoint().toString(),
                    BenchHosts.USER, sim.vmIds("vm-01").get(0), serviceKeys).redirectErrorStream(true).start();
            String pyOutput = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!py.waitFor(60, TimeUnit.SECONDS) || py.exitValue() != 0) {
                throw new IllegalStateException("pywinrm failed: " + pyOutput);
            }
            List<WireTap.Message> all = tap.messages();
            List<WireTap.Message> pyMessages = all.subList(oursMessages.size(), all.size());
            // Ours: the service enumeration first (not in the table), then the four operations.
            List<WireTap.Message[]> ourExchanges = soapExchanges(oursMessages);
            List<WireTap.Message[]> pyExchanges = soapExchanges(pyMessages);
            ourExchanges = ourExchanges.subList(ourExchanges.size() - OPERATIONS.size(), ourExchanges.size());
            if (pyExchanges.size() != OPERATIONS.size()) {
                throw new IllegalStateException("pywinrm made " + pyExchanges.size() + " SOAP exchanges, expected "
                        + OPERATIONS.size());
            }
            System.out.println("| exchange | request SOAP bytes: hyperv-wsman | pywinrm | pywinrm ÷ ours | request on the"
                    + " wire (HTTP head + multipart): hyperv-wsman | pywinrm | reply SOAP bytes: to ours | to pywinrm"
                    + " | reply on the wire: to ours | to pywinrm |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (int i = 0; i < OPERATIONS.size(); i++) {
                WireTap.Message[] o = ourExchanges.get(i);
                WireTap.Message[] p = pyExchanges.get(i);
                System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %.2f | %,d | %,d | %,d | %,d | %,d | %,d |%n",
                        OPERATIONS.get(i), o[0].plaintext(), p[0].plaintext(),
                        p[0].plaintext() / (double) o[0].plaintext(), o[0].wireBytes(), p[0].wireBytes(),
                        o[1].plaintext(), p[1].plaintext(), o[1].wireBytes(), p[1].wireBytes());
            }
            System.out.printf(Locale.ROOT, "%nAuthentication legs without SOAP, bytes on the wire (requests + replies):"
                    + " hyperv-wsman %,d in %d messages; pywinrm %,d in %d messages (RevertFailover return values: ours"
                    + " job started, pywinrm's %s).%n", handshake(oursMessages), countHandshake(oursMessages),
                    handshake(pyMessages), countHandshake(pyMessages), pyOutput);
        }
    }

    private static void ours(WsManClient client, EndpointReference service, String vmId) {
        SelectorSet vm = SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name", vmId);
        client.get(COMPUTER_SYSTEM, vm);
        try (Enumeration<CimInstance> vms = client.enumerate(COMPUTER_SYSTEM, EnumerateOptions
                .wql("SELECT * FROM Msvm_ComputerSystem WHERE Caption = 'Virtual Machine'").optimize(false))) {
            while (vms.hasNext()) {
                vms.next();
            }
        }
        long rv = client.invoke(service, "RevertFailover", MethodInput.create().addReference("ComputerSystem",
                EndpointReference.of(COMPUTER_SYSTEM, vm))).returnValue();
        if (rv != 4096) {
            throw new IllegalStateException("RevertFailover returned " + rv + ", expected a job (4096)");
        }
    }

    /** Waits until the proxy has relayed {@code count} messages (the last reply is recorded after it is relayed). */
    private static void await(WireTap tap, int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tap.messages().size() < count && System.nanoTime() < end) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    /** Request/reply pairs whose request carries sealed SOAP, in order; a reply follows its request per connection. */
    private static List<WireTap.Message[]> soapExchanges(List<WireTap.Message> messages) {
        List<WireTap.Message[]> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            WireTap.Message m = messages.get(i);
            if (!m.request() || m.plaintext() < 0) {
                continue;
            }
            for (int j = i + 1; j < messages.size(); j++) {
                WireTap.Message r = messages.get(j);
                if (!r.request() && r.connection() == m.connection()) {
                    out.add(new WireTap.Message[] {m, r});
                    break;
                }
            }
        }
        return out;
    }

    private static long handshake(List<WireTap.Message> messages) {
        return messages.stream().filter(m -> m.plaintext() < 0).mapToLong(WireTap.Message::wireBytes).sum();
    }

    private static long countHandshake(List<WireTap.Message> messages) {
        return messages.stream().filter(m -> m.plaintext() < 0).count();
    }
}
