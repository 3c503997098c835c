package io.hypervwsman.transport.auth.kerberos;

import io.hypervwsman.AuthenticationException;
import io.hypervwsman.transport.auth.SessionSecurity;
import java.util.Objects;
import javax.security.auth.Subject;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The initiator side of one Kerberos (or SPNEGO-wrapped Kerberos) authentication to a WinRM service, with
 * mutual authentication, confidentiality and integrity required (RFC 2743 section 2.2.1).
 *
 * <p>Flow: send {@link #initialToken()} in {@code Authorization}; pass the token of the server's
 * {@code WWW-Authenticate} (also the one on the final 200, which carries the AP-REP) to {@link #step};
 * once {@link #isEstablished()} use {@link #sessionSecurity()}.
 */
public final class KerberosClientContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KerberosClientContext.class);
    /** RFC 1964 section 2.1.1 name type: "service/host@REALM" taken literally, no DNS canonicalization. */
    private static final String KRB5_PRINCIPAL_NAME = "1.2.840.113554.1.2.2.1";

    private final Subject subject;
    private final GSSContext context;
    private final GssMechanism mechanism;
    private final String servicePrincipal;
    private final ReceivedTokens received = new ReceivedTokens();
    private boolean started;

    private KerberosClientContext(Subject subject, GSSContext context, GssMechanism mechanism, String spn) {
        this.subject = subject;
        this.context = context;
        this.mechanism = mechanism;
        this.servicePrincipal = spn;
    }

    /** A context for WinRM on {@code host}, whose SPN is {@code HTTP/<host>} as Windows registers it. */
    public static KerberosClientContext forHost(KerberosCredentials credentials, String host, GssMechanism mechanism) {
        return create(credentials, "HTTP/" + Objects.requireNonNull(host, "host"), mechanism);
    }

    /** A context for an explicit service principal, e.g. {@code HTTP/hv01.corp.example@CORP.EXAMPLE}. */
    public static KerberosClientContext create(KerberosCredentials credentials, String servicePrincipal,
            GssMechanism mechanism) {
        Objects.requireNonNull(servicePrincipal, "servicePrincipal");
        Subject subject = credentials.subject();
        try {
            GSSContext context = GssCall.as(subject, () -> {
                GSSManager manager = GSSManager.getInstance();
                GSSName service = manager.createName(servicePrincipal, GssMechanism.parse(KRB5_PRINCIPAL_NAME));
                GSSCredential own = manager.createCredential(null, GSSCredential.DEFAULT_LIFETIME,
                        mechanism.oid(), GSSCredential.INITIATE_ONLY);
                GSSContext created = manager.createContext(service, mechanism.oid(), own,
                        GSSContext.DEFAULT_LIFETIME);
                created.requestMutualAuth(true);
                created.requestConf(true);
                created.requestInteg(true);
                created.requestReplayDet(true);
                created.requestSequenceDet(true);
                created.requestCredDeleg(false);
                return created;
            });
            return new KerberosClientContext(subject, context, mechanism, servicePrincipal);
        } catch (GSSException e) {
            throw new AuthenticationException("cannot use Kerberos credentials of " + credentials.principal()
                    + ": " + describe(e), e);
        }
    }

    /** The first token, for {@code Authorization: Negotiate|Kerberos <base64>}; asks the KDC for a service ticket. */
    public byte[] initialToken() {
        if (started) {
            throw new IllegalStateException("initial token already produced");
        }
        started = true;
        byte[] token = init(new byte[0]);
        if (token == null || token.length == 0) {
            throw new AuthenticationException("Kerberos produced no initial token for " + servicePrincipal);
        }
        return token;
    }

    /**
     * Processes a token from the server's {@code WWW-Authenticate}. Returns the next token to send, or null
     * when the context is established (a trailing token then has no HTTP carrier and is dropped).
     *
     * @throws AuthenticationException if the token is missing or invalid, or mutual authentication,
     *     confidentiality or integrity was not achieved
     */
    public byte[] step(byte[] serverToken) {
        if (!started) {
            throw new IllegalStateException("call initialToken() first");
        }
        if (context.isEstablished()) {
            throw new AuthenticationException("server sent a Kerberos token after authentication completed");
        }
        if (serverToken == null || serverToken.length == 0) {
            throw new AuthenticationException("server's reply carried no Kerberos token; mutual authentication of "
                    + servicePrincipal + " cannot complete");
        }
        byte[] next = init(serverToken);
        if (context.isEstablished()) {
            requireProtection();
            LOG.debug("Kerberos context with {} established ({})", servicePrincipal, mechanism);
            return null;
        }
        if (next == null || next.length == 0) {
            throw new AuthenticationException("Kerberos handshake with " + servicePrincipal + " stalled");
        }
        return next;
    }

    /** Whether the server's final token has been processed and the server proven to hold the service key. */
    public boolean isEstablished() {
        return context.isEstablished();
    }

    /** The mechanism this context negotiates. */
    public GssMechanism mechanism() {
        return mechanism;
    }

    /** Message protection in the Windows layout (rotated tokens). */
    public SessionSecurity sessionSecurity() {
        return sessionSecurity(WrapTokenLayout.ROTATED);
    }

    /**
     * Message protection for this established context; the protocol follows the mechanism.
     *
     * @throws AuthenticationException if the context is not established (the server's final token, which
     *     carries mutual authentication, was never processed)
     */
    public KerberosSessionSecurity sessionSecurity(WrapTokenLayout layout) {
        if (!context.isEstablished()) {
            throw new AuthenticationException("Kerberos context with " + servicePrincipal
                    + " is not established: the server's final token was not processed");
        }
        requireProtection();
        return new KerberosSessionSecurity(context, mechanism.encryptionProtocol(), layout, received);
    }

    @Override
    public void close() {
        try {
            context.dispose();
        } catch (GSSException e) {
            LOG.debug("disposing Kerberos context failed: {}", e.getMajorString());
        }
    }

    private byte[] init(byte[] input) {
        try {
            return GssCall.as(subject, () -> context.initSecContext(input, 0, input.length));
        } catch (GSSException e) {
            throw new AuthenticationException("Kerberos authentication to " + servicePrincipal + " failed: "
                    + describe(e), e);
        }
    }

    private void requireProtection() {
        if (!context.getMutualAuthState()) {
            throw new AuthenticationException("server " + servicePrincipal + " did not authenticate itself (no mutual authentication)");
        }
        if (!context.getConfState() || !context.getIntegState()) {
            throw new AuthenticationException("Kerberos context with " + servicePrincipal
                    + " offers no confidentiality or integrity; message encryption impossible");
        }
    }

    static String describe(GSSException e) {
        String minor = e.getMinorString();
        return minor == null || minor.isBlank() ? e.getMajorString() : e.getMajorString() + " (" + minor + ")";
    }
}
