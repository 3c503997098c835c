package io.hypervwsman.transport.auth.kerberos;

import io.hypervwsman.AuthenticationException;
import io.hypervwsman.transport.auth.SessionSecurity;
import java.nio.file.Path;
import javax.security.auth.Subject;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.Oid;

/**
 * The acceptor side of one Kerberos or SPNEGO authentication, from a service keytab: what our test servers
 * and the simulated host use to play the WinRM service.
 */
public final class KerberosServerContext implements AutoCloseable {

    private final Subject subject;
    private final GSSContext context;
    private final ReceivedTokens received = new ReceivedTokens();
    private GssMechanism mechanism;

    private KerberosServerContext(Subject subject, GSSContext context) {
        this.subject = subject;
        this.context = context;
    }

    /** An acceptor for {@code servicePrincipal} (e.g. {@code HTTP/host@REALM}) with keys from {@code keytab}. */
    public static KerberosServerContext fromKeytab(Path keytab, String servicePrincipal) {
        return create(KerberosCredentials.forAcceptor(keytab, servicePrincipal));
    }

    /** An acceptor using already loaded service credentials, accepting raw Kerberos and SPNEGO. */
    public static KerberosServerContext create(KerberosCredentials serviceCredentials) {
        Subject subject = serviceCredentials.subject();
        try {
            GSSContext context = GssCall.as(subject, () -> {
                GSSManager manager = GSSManager.getInstance();
                Oid[] mechanisms = {GssMechanism.KERBEROS.oid(), GssMechanism.SPNEGO.oid()};
                GSSCredential own = manager.createCredential(null, GSSCredential.INDEFINITE_LIFETIME,
                        mechanisms, GSSCredential.ACCEPT_ONLY);
                return manager.createContext(own);
            });
            return new KerberosServerContext(subject, context);
        } catch (GSSException e) {
            throw new AuthenticationException("cannot accept Kerberos as " + serviceCredentials.principal() + ": "
                    + KerberosClientContext.describe(e), e);
        }
    }

    /** Processes a client token and returns the reply token (for {@code WWW-Authenticate}), or null if none. */
    public byte[] acceptToken(byte[] clientToken) {
        if (context.isEstablished()) {
            throw new AuthenticationException("client sent a Kerberos token after authentication completed");
        }
        if (clientToken == null || clientToken.length == 0) {
            throw new AuthenticationException("client sent no Kerberos token");
        }
        if (mechanism == null) {
            mechanism = InitialContextToken.mechanism(clientToken);
        }
        try {
            byte[] reply = GssCall.as(subject, () -> context.acceptSecContext(clientToken, 0, clientToken.length));
            return reply == null || reply.length == 0 ? null : reply;
        } catch (GSSException e) {
            throw new AuthenticationException("rejected Kerberos client token: " + KerberosClientContext.describe(e), e);
        }
    }

    /** Whether the client is authenticated. */
    public boolean isEstablished() {
        return context.isEstablished();
    }

    /** The authenticated client's principal name. */
    public String clientPrincipal() {
        requireEstablished();
        try {
            return context.getSrcName().toString();
        } catch (GSSException e) {
            throw new AuthenticationException("cannot read the client name: " + e.getMajorString(), e);
        }
    }

    /** The mechanism the client chose (from its first token). */
    public GssMechanism mechanism() {
        requireEstablished();
        return mechanism;
    }

    /** Message protection in the Windows layout (rotated tokens), with the client's mechanism's protocol. */
    public SessionSecurity sessionSecurity() {
        return sessionSecurity(WrapTokenLayout.ROTATED);
    }

    /** Message protection in the given layout, with the client's mechanism's protocol. */
    public KerberosSessionSecurity sessionSecurity(WrapTokenLayout layout) {
        requireEstablished();
        if (!context.getConfState() || !context.getIntegState()) {
            throw new AuthenticationException("client did not request confidentiality and integrity");
        }
        return new KerberosSessionSecurity(context, mechanism.encryptionProtocol(), layout, received);
    }

    @Override
    public void close() {
        try {
            context.dispose();
        } catch (GSSException e) {
            // Disposal only drops state we no longer use.
        }
    }

    private void requireEstablished() {
        if (!context.isEstablished()) {
            throw new AuthenticationException("Kerberos acceptor context is not established");
        }
    }
}
