package io.hypervwsman.hyperv;

import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.wsman.WsManClient;
import java.time.Clock;

/**
 * A Hyper-V host reached over WS-Management: its VMs, the Replica operations and job tracking.
 *
 * <pre>{@code
 * try (HyperVHost host = HyperVHost.connect(options)) {
 *     OperationOutcome o = host.replica().revertFailover(VmRef.of("web01"), OperationOptions.defaults());
 * }
 * }</pre>
 */
public final class HyperVHost implements AutoCloseable {
    private final WsManClient client;
    private final String name;
    private final VirtualMachines vms;
    private final ReplicaOperations replica;
    private final Jobs jobs;

    /** Connects with real time and real waiting. */
    public static HyperVHost connect(ConnectionOptions options) {
        return new HyperVHost(WsManClient.connect(options), options.endpoint().getHost(), Clock.systemUTC(),
                Sleeper.system(), PollPolicy.DEFAULT);
    }

    /** A host over a given client, with time and waiting injected (tests advance a simulated clock). */
    public HyperVHost(WsManClient client, String name, Clock clock, Sleeper sleeper, PollPolicy policy) {
        this.client = client;
        this.name = name;
        this.vms = new VirtualMachines(client, name);
        JobTracker tracker = new JobTracker(client, clock, sleeper, policy);
        this.replica = new ReplicaOperations(client, name, vms, tracker, clock);
        this.jobs = new Jobs(client, name, tracker, clock);
    }

    /** The host name as the operator gave it. */
    public String name() {
        return name;
    }

    public VirtualMachines vms() {
        return vms;
    }

    public ReplicaOperations replica() {
        return replica;
    }

    public Jobs jobs() {
        return jobs;
    }

    /** Finds the job a lost Invoke started, and lists the host's jobs with their VMs. */
    public JobFinder jobFinder() {
        return new JobFinder(client);
    }

    /** The WS-Management client underneath, for classes and methods the Hyper-V API does not wrap. */
    public WsManClient wsman() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
