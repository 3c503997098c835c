package io.hypervwsman.hyperv;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A host's Replica server settings as Get-VMReplicationServer shows them: Msvm_ReplicationServiceSettingData and its
 * Msvm_ReplicationAuthorizationSettingData entries.
 *
 * @param enabled               RecoveryServerEnabled (ReplicationEnabled)
 * @param authenticationType    AllowedAuthenticationType: 1 Kerberos, 2 Certificate, 3 CertificateAndKerberos
 * @param certificateThumbprint CertificateThumbPrint
 * @param httpPort              HttpPort (KerberosAuthenticationPort)
 * @param httpsPort             HttpsPort (CertificateAuthenticationPort)
 * @param monitoringInterval    MonitoringInterval, seconds
 * @param monitoringStartTime   MonitoringStartTime
 * @param entries               the authorization entries
 */
public record ReplicaServer(boolean enabled, int authenticationType, Optional<String> certificateThumbprint,
                            int httpPort, int httpsPort, long monitoringInterval, Optional<Instant> monitoringStartTime,
                            List<AuthorizationEntry> entries) {

    /** The name PowerShell's ReplicationAllowedAuthenticationType shows (Kerberos, Certificate, ...). */
    public String authenticationTypeName() {
        return authenticationTypeName(authenticationType);
    }

    /** The name PowerShell shows for an AllowedAuthenticationType value. */
    public static String authenticationTypeName(int authenticationType) {
        switch (authenticationType) {
            case 1: return "Kerberos";
            case 2: return "Certificate";
            case 3: return "CertificateAndKerberos";
            default: return "NotDefined";
        }
    }

    /**
     * True if one entry allows any primary server ({@code AllowedPrimaryHostSystem = "*"}), as
     * ReplicationAllowedFromAnyServer shows it. That this is how the setting is stored is an inference, not documented.
     */
    public boolean allowedFromAnyServer() {
        return entries.stream().anyMatch(e -> "*".equals(e.allowedPrimaryServer()));
    }

    /** The storage location of the "*" entry (DefaultStorageLocation), if any. */
    public Optional<String> defaultStorageLocation() {
        return entries.stream().filter(e -> "*".equals(e.allowedPrimaryServer())).findFirst()
                .map(AuthorizationEntry::storageLocation);
    }

    /** One Msvm_ReplicationAuthorizationSettingData. */
    public record AuthorizationEntry(String allowedPrimaryServer, String trustGroup, String storageLocation) {
    }
}
