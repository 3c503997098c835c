package io.hypervwsman.bench.wsman;

import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import io.hypervwsman.wsman.MethodInput;
import io.hypervwsman.wsman.MethodOutput;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManNamespace;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One WS-Man operation end to end in process: {@link WsManClient} builds the request envelope through CXF,
 * a {@link CannedTransport} answers with a fixture reply, and CXF and the client check and parse it. No
 * HTTP, no authentication, no encryption (those are measured on their own).
 *
 * <p>Warm-up is 30 s, not 3: on 2 cores the JIT needs 15 s (Get, Invoke) to 25 s (enumerate) of this
 * workload before CXF's code is compiled, and until then a Get costs 0.5 to 2.5 ms instead of under
 * 0.1 ms. {@link ColdStartBenchmark} measures that early phase on purpose.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 30, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class WsManClientBenchmark {
    static final int PULL_ITEMS = 100;

    private static final String V2 = "root/virtualization/v2";
    private static final String COMPUTER_SYSTEM = WsManNamespace.wmiClass(V2, "Msvm_ComputerSystem");
    private static final String REPLICATION_SERVICE = WsManNamespace.wmiClass(V2, "Msvm_ReplicationService");
    private static final String VM_ID = "4EA7033C-356C-4EBA-9F77-1A3399CFCD72";
    private static final SelectorSet VM_KEYS = SelectorSet.of("CreationClassName", "Msvm_ComputerSystem",
            "Name", VM_ID);
    private static final SelectorSet SERVICE_KEYS = SelectorSet.of("CreationClassName", "Msvm_ReplicationService",
            "Name", "replicasvc", "SystemCreationClassName", "Msvm_ComputerSystem", "SystemName", "HV01");
    private static final EndpointReference VM = EndpointReference.of(COMPUTER_SYSTEM, VM_KEYS);
    private static final EnumerateOptions ALL_VMS = EnumerateOptions
            .wql("SELECT * FROM Msvm_ComputerSystem WHERE Caption = 'Virtual Machine'").optimize(false);

    private CannedTransport transport;
    private WsManClient client;

    @Setup(Level.Trial)
    public void connect() {
        transport = fakeHost();
        client = connect(transport);
        checkEachOperationOnce();
    }

    /** A host that answers Get, RevertFailover, Enumerate and a final 100-item Pull. */
    static CannedTransport fakeHost() {
        return new CannedTransport(Map.of(
                WsManNamespace.ACTION_GET, ReplyTemplate.of(WsManFixtures.getComputerSystem()),
                REPLICATION_SERVICE + "/RevertFailover", ReplyTemplate.of(WsManFixtures.invokeRevertFailover()),
                WsManNamespace.ACTION_ENUMERATE, ReplyTemplate.of(WsManFixtures.enumerateContextOnly()),
                WsManNamespace.ACTION_PULL, ReplyTemplate.of(WsManFixtures.finalPullResponse(PULL_ITEMS))));
    }

    static WsManClient connect(CannedTransport transport) {
        ConnectionOptions options = ConnectionOptions.builder(URI.create("http://hv01.lab.example:5985/wsman"))
                .auth(AuthMode.NONE, null).build();
        return new WsManClient(options, transport);
    }

    static CimInstance get(WsManClient client) {
        return client.get(COMPUTER_SYSTEM, VM_KEYS);
    }

    /** Fails the run up front if the fake host and the client do not understand each other. */
    private void checkEachOperationOnce() {
        String name = get().string("ElementName").orElseThrow();
        long returnValue = invoke().returnValue();
        int items = 0;
        try (Enumeration<CimInstance> vms = client.enumerate(COMPUTER_SYSTEM, ALL_VMS)) {
            while (vms.hasNext()) {
                vms.next();
                items++;
            }
        }
        if (!"web-frontend-01".equals(name) || returnValue != 4096 || items != PULL_ITEMS
                || transport.exchanges() != 4) {
            throw new IllegalStateException("fake host out of step: " + name + ", " + returnValue + ", " + items
                    + " items, " + transport.exchanges() + " exchanges");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        client.close();
    }

    /** WS-Transfer Get of one Msvm_ComputerSystem by its keys. */
    @Benchmark
    public CimInstance get() {
        return get(client);
    }

    /** Msvm_ReplicationService.RevertFailover with the VM's reference; the reply carries the Job reference. */
    @Benchmark
    public MethodOutput invoke() {
        return client.invoke(REPLICATION_SERVICE, SERVICE_KEYS, "RevertFailover",
                MethodInput.create().addReference("ComputerSystem", VM));
    }

    /** Enumerate (context only) then one Pull of 100 instances ending the sequence: two round trips. */
    @Benchmark
    public void enumerate100(Blackhole sink) {
        try (Enumeration<CimInstance> vms = client.enumerate(COMPUTER_SYSTEM, ALL_VMS)) {
            while (vms.hasNext()) {
                sink.consume(vms.next());
            }
        }
    }
}
