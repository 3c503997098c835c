package io.hypervwsman.sim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Msvm_ReplicationService methods that act on the host rather than a VM: ModifyServiceSettings, the
 * authorization-entry methods and TestReplicationConnection (signatures: hyperv-replica.md 1.6). An argument the
 * host cannot take is answered 32773 Invalid parameter; a scenario behaviour for the method may answer at once (e.g.
 * 32769 Access Denied) or end its job in Exception. Changes land when the job ends. Called with the host's lock held.
 */
final class ReplicaServerMethods {
    static final Set<String> METHODS = Set.of("ModifyServiceSettings", "AddAuthorizationEntry",
            "RemoveAuthorizationEntry", "ModifyAuthorizationEntry", "TestReplicationConnection");
    /** JobType 90 "Modify Replication Server Settings"; that the entry methods' jobs carry it too is unverified. */
    private static final SimulatedJob.Kind MODIFY = new SimulatedJob.Kind(90, "Modifying Replica server settings",
            "Modifying the settings of the Hyper-V Replica server");
    private static final SimulatedJob.Kind TEST = new SimulatedJob.Kind(115, "Testing replication connection",
            "Testing the connection to a Replica server");
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-Fa-f]{40}");
    /** The peer Replica server's listeners: Kerberos over HTTP, certificate over HTTPS (the defaults). */
    private static final Map<Integer, Integer> PEER_LISTENERS = Map.of(1, 80, 2, 443);

    private final HyperVHost host;

    ReplicaServerMethods(HyperVHost host) {
        this.host = host;
    }

    /** Whether {@code method} on {@code target} is one of these. */
    static boolean handles(InstanceSnapshot target, String method) {
        return HyperVHost.SERVICE_CLASS.equals(target.className()) && METHODS.contains(method);
    }

    MethodResult invoke(String method, MethodInput input) {
        return switch (method) {
            case "ModifyServiceSettings" -> modifyServiceSettings(input);
            case "AddAuthorizationEntry" -> addEntry(input);
            case "RemoveAuthorizationEntry" -> removeEntry(input);
            case "ModifyAuthorizationEntry" -> modifyEntry(input);
            default -> testConnection(input);
        };
    }

    /** SettingData: an embedded Msvm_ReplicationServiceSettingData; absent properties keep their value. */
    private MethodResult modifyServiceSettings(MethodInput input) {
        Optional<EmbeddedSettings> s = embedded(input, "SettingData", ReplicaServerState.SETTINGS_CLASS);
        if (s.isEmpty()) {
            return invalid();
        }
        ReplicaServerState now = host.replicaServer();
        boolean enabled = s.get().value("RecoveryServerEnabled").map(Boolean::parseBoolean).orElse(now.enabled);
        int auth = s.get().value("AllowedAuthenticationType").map(Integer::parseInt).orElse(now.authenticationType);
        String thumbprint = s.get().value("CertificateThumbPrint").orElse(
                s.get().has("CertificateThumbPrint") ? null : now.certificateThumbprint);
        int http = s.get().value("HttpPort").map(Integer::parseInt).orElse(now.httpPort);
        int https = s.get().value("HttpsPort").map(Integer::parseInt).orElse(now.httpsPort);
        boolean certificate = auth == 2 || auth == 3;
        if (auth < 0 || auth > 3 || (enabled && auth == 0) || http == 0 || https == 0
                || (certificate && (thumbprint == null || !THUMBPRINT.matcher(thumbprint).matches()))) {
            return invalid();
        }
        return job("ModifyServiceSettings", MODIFY, null, () -> {
            now.enabled = enabled;
            now.authenticationType = auth;
            now.certificateThumbprint = thumbprint;
            now.httpPort = http;
            now.httpsPort = https;
        });
    }

    /** AuthorizationEntry: an embedded entry naming a server that has none yet, and a storage location. */
    private MethodResult addEntry(MethodInput input) {
        Optional<EmbeddedSettings> e = embedded(input, "AuthorizationEntry", ReplicaServerState.AUTHORIZATION_CLASS);
        Optional<String> primary = e.flatMap(x -> x.value("AllowedPrimaryHostSystem")).filter(p -> !p.isBlank());
        Optional<String> storage = e.flatMap(x -> x.value("ReplicaStorageLocation")).filter(p -> !p.isBlank());
        if (primary.isEmpty() || storage.isEmpty() || host.replicaServer().entry(primary.get()).isPresent()) {
            return invalid();
        }
        String group = e.get().value("TrustGroup").orElse("");
        return job("AddAuthorizationEntry", MODIFY, null, () -> host.replicaServer().add(primary.get(), group,
                storage.get()));
    }

    /** AllowedPrimaryHostSystem: a server that has an entry. */
    private MethodResult removeEntry(MethodInput input) {
        Optional<ReplicaServerState.Entry> entry = input.string("AllowedPrimaryHostSystem")
                .flatMap(p -> host.replicaServer().entry(p));
        if (entry.isEmpty()) {
            return invalid();
        }
        return job("RemoveAuthorizationEntry", MODIFY, null, () -> host.replicaServer().entries.remove(entry.get()));
    }

    /** AuthorizationEntry: an existing entry, found by InstanceID when given, else by AllowedPrimaryHostSystem. */
    private MethodResult modifyEntry(MethodInput input) {
        Optional<EmbeddedSettings> e = embedded(input, "AuthorizationEntry", ReplicaServerState.AUTHORIZATION_CLASS);
        Optional<ReplicaServerState.Entry> entry = e.flatMap(x -> x.value("InstanceID")
                .map(id -> host.replicaServer().entryById(id))
                .orElseGet(() -> x.value("AllowedPrimaryHostSystem").flatMap(p -> host.replicaServer().entry(p))));
        if (entry.isEmpty()) {
            return invalid();
        }
        Optional<String> storage = e.get().value("ReplicaStorageLocation").filter(p -> !p.isBlank());
        Optional<String> group = e.get().value("TrustGroup");
        return job("ModifyAuthorizationEntry", MODIFY, null, () -> {
            storage.ifPresent(v -> entry.get().storageLocation = v);
            group.ifPresent(v -> entry.get().trustGroup = v);
        });
    }

    /**
     * Reaches only the peer Replica server (HV02, by NetBIOS name or FQDN) on its listener for the authentication
     * type; anything else ends the job in Exception with a "cannot connect" text (the simulator's wording, shaped
     * like the host's, not captured from one).
     */
    private MethodResult testConnection(MethodInput input) {
        Optional<String> server = input.string("RecoveryConnectionPoint").filter(s -> !s.isBlank());
        Optional<Long> port = input.number("RecoveryServerPortNumber");
        Optional<Long> auth = input.number("AuthenticationType");
        Optional<String> thumbprint = input.string("CertificateThumbPrint").filter(t -> !t.isBlank());
        if (server.isEmpty() || port.isEmpty() || auth.isEmpty() || !(auth.get() == 1 || auth.get() == 2)
                || port.get() < 1 || port.get() > 65535
                || (auth.get() == 2 && !thumbprint.map(t -> THUMBPRINT.matcher(t).matches()).orElse(false))) {
            return invalid();
        }
        String name = server.get();
        String peerFqdn = HyperVHost.PEER + "." + host.scenario.dnsDomain();
        boolean reachable = (name.equalsIgnoreCase(HyperVHost.PEER) || name.equalsIgnoreCase(peerFqdn))
                && PEER_LISTENERS.get(auth.get().intValue()).longValue() == port.get();
        SimulatedJob.Ending unreachable = reachable ? null : new SimulatedJob.Ending(SimulatedJob.EXCEPTION, 32768,
                "Test replication connection failed.", "Hyper-V cannot connect to the specified Replica server '" + name
                + "'. Error: A connection with the server could not be established (0x00002EFD). Verify that the"
                + " specified server is enabled as a Replica server, allows inbound connections on port " + port.get()
                + ", and supports " + (auth.get() == 1 ? "Kerberos" : "certificate-based") + " authentication.",
                List.of());
        return job("TestReplicationConnection", TEST, unreachable, () -> { });
    }

    private static Optional<EmbeddedSettings> embedded(MethodInput input, String name, String className) {
        return input.string(name).flatMap(EmbeddedSettings::read).filter(s -> s.className().equalsIgnoreCase(className));
    }

    private static MethodResult invalid() {
        return MethodResult.of(MethodResult.INVALID_PARAMETER);
    }

    /**
     * A job for {@code method} on the host (no VM is affected): ends as the scenario's behaviour for the method says,
     * or as {@code ending} when given (the method's own failure); {@code onSuccess} lands at its end.
     */
    private MethodResult job(String method, SimulatedJob.Kind kind, SimulatedJob.Ending ending, Runnable onSuccess) {
        Scenario.Behaviour b = host.scenario.behaviours().getOrDefault(method, Scenario.Behaviour.DEFAULT);
        if (b.returnValue() != null) {
            if (b.returnValue() == 0) {
                onSuccess.run();
            }
            return MethodResult.of(b.returnValue());
        }
        SimulatedJob.Ending end = ending != null ? ending : SimulatedJob.Ending.of(b, kind, kind.caption()
                + " failed on '" + host.hostName() + "'.");
        SimulatedJob job = new SimulatedJob(host.newJobId(), kind, host.scenario.users().get(0), host.clock.instant(),
                b.duration(), end, host.serviceSnapshot().objectPath(), null, onSuccess, () -> { });
        return host.started(job, Map.of());
    }
}
