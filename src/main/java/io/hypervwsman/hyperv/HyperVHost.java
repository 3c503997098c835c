package io.hypervwsman.hyperv;

import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Transport;
import io.hypervwsman.transport.Transports;
import io.hypervwsman.wsman.WsManClient;
import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A Hyper-V host reached over WS-Management: its VMs and jobs. The Replica operations are
 * {@code io.hypervwsman.hyperv.replica.ReplicaOperations.of(host)}.
 *
 * <pre>{@code
 * try (HyperVHost host = HyperVHost.connect(options)) {
 *     OperationOutcome o = ReplicaOperations.of(host).revertFailover(VmRef.of("web01"), OperationOptions.defaults());
 * }
 * }</pre>
 */
public final class HyperVHost implements AutoCloseable {
    private final WsManClient client;
    private final String name;
    private final Clock clock;
    private final Sleeper sleeper;
    private final VirtualMachines vms;
    private final JobTracker tracker;
    private final Jobs jobs;
    private final ReplicaQueries replicaQueries;

    private HyperVHost(Builder b) {
        this.client = Objects.requireNonNull(b.client, "client");
        this.name = Objects.requireNonNull(b.name, "name");
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.vms = new VirtualMachines(client, name);
        this.tracker = new JobTracker(client, clock, b.sleeper, b.policy);
        this.jobs = new Jobs(client, name);
        this.replicaQueries = new ReplicaQueries(client, name, vms);
    }

    /** Connects with real time and real waiting. */
    public static HyperVHost connect(ConnectionOptions options) {
        return builder().connect(options).build();
    }

    /** A host built from its parts: the client (or connection options), and the clock and waiting to use. */
    public static Builder builder() {
        return new Builder();
    }

    /** The host name as the operator gave it. */
    public String name() {
        return name;
    }

    public VirtualMachines vms() {
        return vms;
    }

    public Jobs jobs() {
        return jobs;
    }

    /** Finds the job a lost Invoke started, and lists the host's jobs with their VMs. */
    public ConcreteJobFinder jobFinder() {
        return new ConcreteJobFinder(client);
    }

    /** Read-only Replica queries: statistics, Replica server settings, failover IP settings. */
    public ReplicaQueries replicaQueries() {
        return replicaQueries;
    }

    /** The WS-Management client this host is reached through. */
    public WsManClient client() {
        return client;
    }

    /** The clock operations measure time and deadlines with. */
    public Clock clock() {
        return clock;
    }

    /** How this host's operations wait between polls and between tries of a read. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** Follows this host's jobs with its clock, waiting and poll policy. */
    public JobTracker jobTracker() {
        return tracker;
    }

    @Override
    public void close() {
        client.close();
    }

    /** Builds a {@link HyperVHost}; by default real time, real waiting and the default poll policy. */
    public static final class Builder {
        private WsManClient client;
        private String name;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private PollPolicy policy = PollPolicy.DEFAULT;

        private Builder() {
        }

        /** Connects a client with these options; the host is named after the endpoint unless {@link #name} says. */
        public Builder connect(ConnectionOptions options) {
            return client(WsManClient.connect(options), options.endpoint().getHost());
        }

        /**
         * Connects with these options through the transport {@code around} makes of the usual one (e.g. a
         * recording decorator, as {@code --record} uses).
         */
        public Builder connect(ConnectionOptions options, UnaryOperator<Transport> around) {
            Transport transport = around.apply(Transports.open(options));
            return client(new WsManClient(options, transport), options.endpoint().getHost());
        }

        /** A client made elsewhere (e.g. over a recording transport), and the host's name for reports. */
        public Builder client(WsManClient c, String hostName) {
            this.client = c;
            this.name = name == null ? hostName : name;
            return this;
        }

        /** The host's name in reports. */
        public Builder name(String n) {
            this.name = n;
            return this;
        }

        /** The clock for durations and deadlines (tests advance a simulated one). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** How to wait between job polls (tests advance the clock instead). */
        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s, "sleeper");
            return this;
        }

        public Builder pollPolicy(PollPolicy p) {
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        public HyperVHost build() {
            return new HyperVHost(this);
        }
    }
}
