package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.ReplicaServer;
import io.hypervwsman.wsman.MethodInput;

/**
 * Test-VMReplicationConnection: Msvm_ReplicationService.TestReplicationConnection(RecoveryConnectionPoint,
 * RecoveryServerPortNumber, AuthenticationType, CertificateThumbPrint, BypassProxyServer), run on the primary's host
 * against a Replica server. Changes nothing, so there is nothing to read back: a lost reply is decided only by the
 * job (JobType 115, Test Replication Connection) or stays unknown. The job's error text is the host's verdict.
 */
public final class TestReplicationConnection implements HostVerb {
    static final Operation OPERATION = Operation.of("TestReplicationConnection", "test-replication-connection");
    private final String replicaServer;
    private final int port;
    private final int authenticationType;
    private final String thumbprint;
    private final boolean bypassProxy;

    /**
     * @param replicaServer      RecoveryConnectionPoint: the Replica server's name
     * @param port               RecoveryServerPortNumber (its Kerberos or certificate listener)
     * @param authenticationType AuthenticationType: 1 Kerberos, 2 certificate
     * @param thumbprint         CertificateThumbPrint (certificate authentication only), or null
     * @param bypassProxy        BypassProxyServer
     */
    public TestReplicationConnection(String replicaServer, int port, int authenticationType, String thumbprint,
                                     boolean bypassProxy) {
        this.replicaServer = AuthorizationEntries.require(replicaServer, "Replica server");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the port must be 1-65535, not " + port);
        }
        if (authenticationType != 1 && authenticationType != 2) {
            throw new IllegalArgumentException("the authentication type must be 1 (Kerberos) or 2 (certificate)");
        }
        boolean hasThumbprint = thumbprint != null && !thumbprint.isBlank();
        if (authenticationType == 2 && !hasThumbprint) {
            throw new IllegalArgumentException("certificate authentication needs the certificate's thumbprint");
        }
        if (authenticationType == 1 && hasThumbprint) {
            throw new IllegalArgumentException("Kerberos authentication takes no certificate thumbprint");
        }
        this.port = port;
        this.authenticationType = authenticationType;
        this.thumbprint = hasThumbprint ? thumbprint.trim() : null;
        this.bypassProxy = bypassProxy;
    }

    @Override
    public Operation operation() {
        return OPERATION;
    }

    @Override
    public Invocation prepare(VerbContext host) {
        MethodInput input = MethodInput.create().add("RecoveryConnectionPoint", replicaServer)
                .add("RecoveryServerPortNumber", port).add("AuthenticationType", authenticationType);
        if (thumbprint != null) {
            input.add("CertificateThumbPrint", thumbprint);
        }
        input.add("BypassProxyServer", bypassProxy);
        return new Invocation(host.replicationService(), input, ": to " + replicaServer + ":" + port + " with "
                + ReplicaServer.authenticationTypeName(authenticationType) + " authentication"
                + (bypassProxy ? ", bypassing the proxy" : ""));
    }

    @Override
    public HostEvidence evidence() {
        return HostEvidence.NONE;
    }
}
