package io.hypervwsman.hyperv;

/**
 * What reverse replication changes in the replication settings; null keeps what the host has.
 *
 * @param replicaServer          the new replica server (default: the server the VM failed over from)
 * @param port                   its Hyper-V Replica listener port (RecoveryServerPortNumber)
 * @param authenticationType     1 Kerberos over HTTP, 2 certificate over HTTPS
 * @param certificateThumbprint  the certificate for authentication type 2
 */
public record ReverseOptions(String replicaServer, Integer port, Integer authenticationType,
                             String certificateThumbprint) {
    public ReverseOptions {
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
        if (authenticationType != null && authenticationType != 1 && authenticationType != 2) {
            throw new IllegalArgumentException("authentication type " + authenticationType
                    + " is neither 1 (Kerberos) nor 2 (certificate)");
        }
        if (authenticationType != null && authenticationType == 2 && certificateThumbprint == null) {
            throw new IllegalArgumentException("certificate authentication needs a certificate thumbprint");
        }
    }

    /** Everything as the host has it, replicating back to the server the VM failed over from. */
    public static ReverseOptions defaults() {
        return new ReverseOptions(null, null, null, null);
    }
}
