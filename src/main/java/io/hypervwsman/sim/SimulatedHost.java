package io.hypervwsman.sim;

import io.hypervwsman.ConfigurationException;
import io.hypervwsman.transport.auth.ntlm.internal.CredentialLookup;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmServerIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * A simulated Windows host running Hyper-V Replica on 127.0.0.1: a {@link NegotiateGateway} (NTLM, message
 * encryption, or HTTPS with channel bindings) in front of a {@link HyperVBackend} built from a {@link Scenario}, with look-ups for tests.
 */
public final class SimulatedHost implements AutoCloseable {
    private final Scenario scenario;
    private final HyperVBackend backend;
    private volatile NegotiateGateway gateway;
    private final char[] password;
    /** Starts the WinRM front again on the port it had (a service restart); null before the first start. */
    private java.util.function.IntFunction<NegotiateGateway> restart;
    private volatile boolean serviceStopped;
    private URI stoppedEndpoint;

    private SimulatedHost(Scenario scenario, HyperVBackend backend, NegotiateGateway gateway, char[] password) {
        this.scenario = scenario;
        this.backend = backend;
        this.gateway = gateway;
        this.password = password;
    }

    /** Starts on a free port; {@code user} (DOMAIN\name) must be one of the scenario's users. */
    public static SimulatedHost start(Scenario scenario, String user, char[] password, Clock clock) {
        return start(scenario, user, password, clock, 0);
    }

    /** Starts on {@code port} (0 for a free one). */
    public static SimulatedHost start(Scenario scenario, String user, char[] password, Clock clock, int port) {
        return start(scenario, user, password, clock, gateway -> gateway.port(port));
    }

    /**
     * Starts serving HTTPS on a free port, as a host's 5986 listener: TLS with {@code tls}, no message encryption,
     * NTLM bound to {@code certificate} (channel bindings required).
     */
    public static SimulatedHost startHttps(Scenario scenario, String user, char[] password, Clock clock,
                                           javax.net.ssl.SSLContext tls, java.security.cert.X509Certificate certificate) {
        return start(scenario, user, password, clock, gateway -> gateway.https(tls, certificate));
    }

    /**
     * As {@link #startHttps}, also accepting WinRM certificate authentication: a request with the
     * {@code .../secprofile/https/mutual} Authorization header is served when its TLS session carries a client
     * certificate that {@code tls}'s trust managers accepted (the host maps it to its user).
     */
    public static SimulatedHost startHttpsWithClientCertificates(Scenario scenario, String user, char[] password,
                                                                 Clock clock, javax.net.ssl.SSLContext tls,
                                                                 java.security.cert.X509Certificate certificate) {
        return start(scenario, user, password, clock,
                gateway -> gateway.https(tls, certificate).clientCertificates());
    }

    /**
     * Stops the WinRM service: every connection and authenticated session is gone and new connections are refused,
     * while Hyper-V (the VMs, their jobs) carries on. {@link #startService()} brings it back on the same port.
     */
    public synchronized void stopService() {
        if (!serviceStopped) {
            stoppedEndpoint = gateway.endpoint();
            serviceStopped = true;
            gateway.close();
        }
    }

    /** Starts the WinRM service again after {@link #stopService()}: same port, no sessions. */
    public synchronized void startService() {
        if (serviceStopped) {
            gateway = restart.apply(stoppedEndpoint.getPort());
            serviceStopped = false;
        }
    }

    private static SimulatedHost start(Scenario scenario, String user, char[] password, Clock clock,
                                       UnaryOperator<NegotiateGateway.Builder> gatewaySetup) {
        return start(scenario, user, password, clock, gatewaySetup, new ReplicaNetwork());
    }

    /** Starts on {@code port} (0 for a free one) as one of the hosts of {@code network} (a lab). */
    static SimulatedHost startInNetwork(Scenario scenario, String user, char[] password, Clock clock,
                                        ReplicaNetwork network, int port) {
        return start(scenario, user, password, clock, gateway -> gateway.port(port), network);
    }

    private static SimulatedHost start(Scenario scenario, String user, char[] password, Clock clock,
                                       UnaryOperator<NegotiateGateway.Builder> gatewaySetup, ReplicaNetwork network) {
        String account = scenario.users().stream().filter(u -> u.equalsIgnoreCase(user)).findFirst()
                .orElseThrow(() -> new ConfigurationException("user " + user + " is not in the scenario"));
        int slash = account.indexOf('\\');
        String domain = account.substring(0, slash);
        String name = account.substring(slash + 1);
        char[] secret = password.clone();
        HyperVBackend backend = new HyperVBackend(scenario, clock, java.util.UUID::randomUUID, network);
        NtlmServerIdentity identity = new NtlmServerIdentity(domain.toUpperCase(Locale.ROOT), scenario.host(),
                scenario.dnsDomain(), scenario.host() + "." + scenario.dnsDomain());
        try {
            CredentialLookup lookup = (d, u) -> domain.equalsIgnoreCase(d)
                    && name.equalsIgnoreCase(u) ? Optional.of(secret.clone()) : Optional.empty();
            NegotiateGateway gateway = gatewaySetup.apply(NegotiateGateway.builder(lookup, identity, backend)
                    .faults(backend.faults())).start();
            SimulatedHost host = new SimulatedHost(scenario, backend, gateway, secret);
            host.restart = port -> {
                try {
                    return gatewaySetup.apply(NegotiateGateway.builder(lookup, identity, backend)
                            .faults(backend.faults())).port(port).start();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot restart the simulated WinRM service: " + e.getMessage(), e);
                }
            };
            return host;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated host: " + e.getMessage(), e);
        }
    }

    /** The WS-Management endpoint, http://127.0.0.1:PORT/wsman. */
    public URI endpoint() {
        return serviceStopped ? stoppedEndpoint : gateway.endpoint();
    }

    public Scenario scenario() {
        return scenario;
    }

    /** How many Invoke requests for {@code method} reached the host. */
    public int invocations(String method) {
        return backend.invocations(method);
    }

    public NegotiateGateway gateway() {
        return gateway;
    }

    public HyperVBackend backend() {
        return backend;
    }

    /** The faults the host shows, gateway and WS-Management service alike (its scenario's are armed at start). */
    public FaultPlan faults() {
        return backend.faults();
    }

    /** The ids of the VMs named {@code name} (names need not be unique). */
    public List<String> vmIds(String name) {
        return backend.host().vmsNamed(name).stream().map(v -> v.id).toList();
    }

    /** ReplicationState of the \HVR\0 relationship of the only VM named {@code name}. */
    public int replicationState(String name) {
        synchronized (backend.host().lock) {
            ReplicationLink link = onlyVm(name).primaryLink();
            if (link == null) {
                throw new IllegalArgumentException(name + " has no replication relationship");
            }
            return link.state;
        }
    }

    /**
     * Where the \HVR\0 relationship of the only VM named {@code name} replicates to, as {@code server:port} of its
     * Msvm_ReplicationSettingData (RecoveryConnectionPoint, RecoveryServerPortNumber).
     */
    public String replicationTarget(String name) {
        synchronized (backend.host().lock) {
            ReplicationLink link = onlyVm(name).primaryLink();
            if (link == null) {
                throw new IllegalArgumentException(name + " has no replication relationship");
            }
            return link.recoveryServer + ":" + link.recoveryPort;
        }
    }

    /** The recovery point (InstanceID, or "latest") the last completed InitiateFailover of the VM used, if any. */
    public java.util.Optional<String> failedOverTo(String name) {
        synchronized (backend.host().lock) {
            ReplicationLink link = onlyVm(name).primaryLink();
            return java.util.Optional.ofNullable(link == null ? null : link.failedOverTo);
        }
    }

    /** How many recovery points (snapshots) the only VM named {@code name} has. */
    public int recoveryPoints(String name) {
        synchronized (backend.host().lock) {
            return onlyVm(name).recoveryPoints.size();
        }
    }

    /** ReplicationMode of the only VM named {@code name}. */
    public int replicationMode(String name) {
        synchronized (backend.host().lock) {
            return onlyVm(name).replicationMode;
        }
    }

    /** EnabledState (2 running, 3 off, ...) of the only VM named {@code name}. */
    public int enabledState(String name) {
        synchronized (backend.host().lock) {
            return onlyVm(name).enabledState;
        }
    }

    /** JobState of a job, or empty once the host has removed it. */
    public OptionalInt jobState(String instanceId) {
        return backend.host().job(instanceId).map(j -> OptionalInt.of((int) j.snapshot(
                backend.host().clock.instant()).value("JobState").map(v -> ((Number) v).intValue()).orElse(0)))
                .orElse(OptionalInt.empty());
    }

    private VirtualMachine onlyVm(String name) {
        List<VirtualMachine> found = backend.host().vmsNamed(name);
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.size() + " VMs named " + name);
        }
        return found.get(0);
    }

    @Override
    public void close() {
        gateway.close();
        Arrays.fill(password, '\0');
    }
}
