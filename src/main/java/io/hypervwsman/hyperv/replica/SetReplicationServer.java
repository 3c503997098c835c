package io.hypervwsman.hyperv.replica;

import io.hypervwsman.Hint;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.ReplicaServer;
import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EmbeddedInstance;
import io.hypervwsman.wsman.EmbeddedInstance.CimType;
import io.hypervwsman.wsman.MethodInput;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Set-VMReplicationServer's service settings: Msvm_ReplicationService.ModifyServiceSettings(SettingData) with the
 * host's Msvm_ReplicationServiceSettingData, read and sent back whole with the settings given changed. As the
 * cmdlet does (DECOMP), disabling clears the authentication type and thumbprint, and Kerberos-only clears the
 * thumbprint; unlike it, ports not given keep their value (the cmdlet resets them to 80 and 443).
 */
public final class SetReplicationServer implements HostVerb {
    static final Operation OPERATION = Operation.of("ModifyServiceSettings", "replication-server set");
    /** Every documented property of Msvm_ReplicationServiceSettingData a client may send (MOF, learn.microsoft.com). */
    private static final List<String> SENT = List.of("InstanceID", "RecoveryServerEnabled", "AllowedAuthenticationType",
            "CertificateThumbPrint", "HttpPort", "HttpsPort", "MonitoringInterval", "MonitoringStartTime");

    private final Boolean enabled;
    private final Integer authenticationType;
    private final String thumbprint;
    private final Integer httpPort;
    private final Integer httpsPort;
    private Target target;

    /** What the settings come to. */
    record Target(boolean enabled, int authenticationType, String thumbprint, int httpPort, int httpsPort) {
        boolean shownBy(ReplicaServer s) {
            return s.enabled() == enabled && s.authenticationType() == authenticationType
                    && s.certificateThumbprint().orElse("").equalsIgnoreCase(thumbprint == null ? "" : thumbprint)
                    && s.httpPort() == httpPort && s.httpsPort() == httpsPort;
        }
    }

    /**
     * @param enabled            RecoveryServerEnabled, or null to keep it
     * @param authenticationType AllowedAuthenticationType (1 Kerberos, 2 certificate, 3 both), or null
     * @param thumbprint         CertificateThumbPrint, or null
     * @param httpPort           HttpPort (Kerberos listener), or null
     * @param httpsPort          HttpsPort (certificate listener), or null
     */
    public SetReplicationServer(Boolean enabled, Integer authenticationType, String thumbprint, Integer httpPort,
                                Integer httpsPort) {
        if (authenticationType != null && (authenticationType < 1 || authenticationType > 3)) {
            throw new IllegalArgumentException("the authentication type must be 1 (Kerberos), 2 (certificate) or 3"
                    + " (both), not " + authenticationType);
        }
        checkPort(httpPort, "Kerberos");
        checkPort(httpsPort, "certificate");
        if (enabled == null && authenticationType == null && thumbprint == null && httpPort == null
                && httpsPort == null) {
            throw new IllegalArgumentException("name at least one Replica server setting to change");
        }
        this.enabled = enabled;
        this.authenticationType = authenticationType;
        this.thumbprint = thumbprint == null || thumbprint.isBlank() ? null : thumbprint.trim();
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    private static void checkPort(Integer port, String which) {
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("the " + which + " port must be 1-65535, not " + port);
        }
    }

    @Override
    public Operation operation() {
        return OPERATION;
    }

    /** The settings as they will be, from those read now; refuses a combination the host cannot take. */
    Target target(ReplicaServer now) {
        boolean on = enabled != null ? enabled : now.enabled();
        int auth = now.authenticationType();
        String thumb = now.certificateThumbprint().orElse(null);
        if (Boolean.FALSE.equals(enabled)) {
            auth = 0;
            thumb = null;
        }
        if (authenticationType != null) {
            auth = authenticationType;
        }
        if (thumbprint != null) {
            thumb = thumbprint;
        }
        if (auth == 1 && thumbprint != null) {
            throw new OperationFailedException("a certificate thumbprint needs certificate authentication; Kerberos"
                    + " alone takes none");
        }
        if (auth == 1) {
            thumb = null;
        }
        if ((auth == 2 || auth == 3) && thumb == null) {
            throw new OperationFailedException("certificate authentication needs the thumbprint of a certificate in"
                    + " the host's Personal store", Hint.of(Hint.Kind.GIVE_CERTIFICATE_THUMBPRINT));
        }
        if (on && auth == 0) {
            throw new OperationFailedException("a Replica server needs an allowed authentication type: Kerberos,"
                    + " certificate or both", Hint.of(Hint.Kind.NAME_AUTHENTICATION_TYPE));
        }
        return new Target(on, auth, thumb, httpPort != null ? httpPort : now.httpPort(),
                httpsPort != null ? httpsPort : now.httpsPort());
    }

    @Override
    public Optional<String> nothingToDo(VerbContext host) {
        ReplicaServer now = host.queries().replicaServer();
        Target t = target(now);
        return t.shownBy(now) ? Optional.of("the Replica server settings of " + host.host() + " already are "
                + words(now)) : Optional.empty();
    }

    @Override
    public Invocation prepare(VerbContext host) {
        Target t = target(host.queries().replicaServer());
        CimInstance read = host.query("SELECT * FROM Msvm_ReplicationServiceSettingData").stream().findFirst()
                .orElseThrow(() -> new OperationFailedException(host.host()
                        + " has no Msvm_ReplicationServiceSettingData"));
        EmbeddedInstance settings = EmbeddedInstance.of("Msvm_ReplicationServiceSettingData");
        for (String name : SENT) {
            // Sent as the host wrote them: only the settings changed below are this client's.
            if ("MonitoringStartTime".equals(name)) {
                datetime(read, name).ifPresent(v -> settings.set(name, CimType.DATETIME, v));
            } else {
                CimType type = type(name);
                Optional<?> value = switch (type) {
                    case BOOLEAN -> read.bool(name);
                    case UINT16, UINT32 -> read.number(name);
                    default -> read.string(name);
                };
                value.ifPresent(v -> settings.set(name, type, v));
            }
        }
        settings.set("RecoveryServerEnabled", CimType.BOOLEAN, t.enabled());
        settings.set("AllowedAuthenticationType", CimType.UINT16, t.authenticationType());
        settings.set("CertificateThumbPrint", CimType.STRING, t.thumbprint());
        settings.set("HttpPort", CimType.UINT16, t.httpPort());
        settings.set("HttpsPort", CimType.UINT16, t.httpsPort());
        this.target = t;
        return new Invocation(host.replicationService(), MethodInput.create().add("SettingData",
                settings.toCimXml()), ": " + words(t));
    }

    /**
     * MonitoringStartTime as read: a date, or a time of day written as an interval (the cmdlet takes a TimeSpan);
     * left out when it is neither, so that the host keeps it (unverified: that an absent property is kept).
     */
    private static Optional<Object> datetime(CimInstance read, String name) {
        try {
            return read.interval(name).<Object>map(d -> d).or(() -> read.datetime(name).map(t -> t));
        } catch (RuntimeException notOneOrTheOther) {
            try {
                return read.datetime(name).map(t -> t);
            } catch (RuntimeException neither) {
                return Optional.empty();
            }
        }
    }

    private static CimType type(String name) {
        return switch (name) {
            case "RecoveryServerEnabled" -> CimType.BOOLEAN;
            case "AllowedAuthenticationType", "HttpPort", "HttpsPort" -> CimType.UINT16;
            case "MonitoringInterval" -> CimType.UINT32;
            default -> CimType.STRING;
        };
    }

    @Override
    public HostEvidence evidence() {
        Target t = Objects.requireNonNull(target, "prepare first");
        return new ServerSettingsEvidence(t::shownBy, SetReplicationServer::words);
    }

    static String words(ReplicaServer s) {
        return words(new Target(s.enabled(), s.authenticationType(), s.certificateThumbprint().orElse(null),
                s.httpPort(), s.httpsPort()));
    }

    private static String words(Target t) {
        return "replication " + (t.enabled() ? "enabled" : "disabled") + ", authentication "
                + ReplicaServer.authenticationTypeName(t.authenticationType()) + ", Kerberos port " + t.httpPort()
                + ", certificate port " + t.httpsPort() + ", thumbprint "
                + (t.thumbprint() == null ? "none" : t.thumbprint());
    }
}
