package io.hypervwsman.transport.auth.kerberos;

import java.nio.file.Path;

/** A client and acceptor context that have completed a handshake against the embedded KDC. */
record EstablishedKerberosPair(KerberosCredentials credentials, KerberosClientContext client,
        KerberosServerContext server) implements AutoCloseable {

    static EstablishedKerberosPair establish(EmbeddedKdc kdc, Path serviceKeytab, GssMechanism mechanism) {
        KerberosCredentials alice = KerberosCredentials.fromPassword(EmbeddedKdc.USER, kdc.userPassword(), kdc.realm());
        KerberosClientContext client = KerberosClientContext.forHost(alice, "localhost", mechanism);
        KerberosServerContext server = KerberosServerContext.fromKeytab(serviceKeytab, EmbeddedKdc.SERVICE);
        client.step(server.acceptToken(client.initialToken()));
        return new EstablishedKerberosPair(alice, client, server);
    }

    @Override
    public void close() {
        client.close();
        server.close();
        credentials.close();
    }
}
