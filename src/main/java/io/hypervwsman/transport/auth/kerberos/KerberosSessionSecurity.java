package io.hypervwsman.transport.auth.kerberos;

import io.hypervwsman.MessageIntegrityException;
import io.hypervwsman.TransportException;
import io.hypervwsman.transport.auth.SessionSecurity;
import java.util.Objects;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.MessageProp;

/**
 * Kerberos message protection for WinRM: GSS wrap with confidentiality (RFC 4121 section 4.2.6.2), split into
 * the signature and sealed parts of MS-WSMV 2.2.9.1. Accepts both rotated (Windows) and unrotated tokens,
 * and refuses replays even where JGSS alone would not (see {@link ReceivedTokens}).
 */
public final class KerberosSessionSecurity implements SessionSecurity {

    private static final int QOP_DEFAULT = 0;

    private final GSSContext context;
    private final String protocol;
    private final WrapTokenLayout layout;
    private final ReceivedTokens received;

    /** {@code received} belongs to the GSS context, so every wrapper of one context shares the replay memory. */
    KerberosSessionSecurity(GSSContext context, String protocol, WrapTokenLayout layout, ReceivedTokens received) {
        this.context = Objects.requireNonNull(context, "context");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.received = Objects.requireNonNull(received, "received");
    }

    @Override
    public String protocol() {
        return protocol;
    }

    /** The token layout this session writes; it reads both. */
    public WrapTokenLayout layout() {
        return layout;
    }

    @Override
    public WrappedMessage wrap(byte[] plaintext) {
        MessageProp prop = new MessageProp(QOP_DEFAULT, true);
        byte[] token;
        try {
            token = context.wrap(plaintext, 0, plaintext.length, prop);
        } catch (GSSException e) {
            throw new TransportException("Kerberos wrap failed: " + e.getMajorString());
        }
        if (!prop.getPrivacy() || !WrapToken.isSealedRfc4121(token)) {
            // RC4-HMAC and DES sessions produce RFC 1964 tokens, whose WinRM framing differs; AES is required.
            throw new TransportException("Kerberos session cannot seal messages as RFC 4121 tokens (AES session key needed)");
        }
        byte[] unrotated = WrapToken.unrotated(token);
        byte[][] parts = layout == WrapTokenLayout.ROTATED
                ? WrapToken.split(WrapToken.rotatedForWindows(unrotated, plaintext.length), plaintext.length)
                : WrapToken.split(unrotated, unrotated.length - WrapToken.HEADER_LENGTH);
        return new WrappedMessage(parts[0], parts[1]);
    }

    @Override
    public byte[] unwrap(byte[] signature, byte[] sealed) {
        byte[] token = WrapToken.join(signature, sealed);
        if (!WrapToken.isSealedRfc4121(token)) {
            throw WrapToken.notAWrapToken();
        }
        byte[] unrotated = WrapToken.unrotated(token);
        if (received.contains(unrotated)) {
            // Checked before JGSS so a replay cannot disturb its sequence state either.
            throw new MessageIntegrityException("Kerberos reply replays an earlier message");
        }
        MessageProp prop = new MessageProp(QOP_DEFAULT, true);
        byte[] plaintext;
        try {
            plaintext = context.unwrap(unrotated, 0, unrotated.length, prop);
        } catch (GSSException e) {
            // Major status only: minor texts are safe today, but the rule is no crypto detail in messages.
            throw new MessageIntegrityException("Kerberos unwrap failed: " + e.getMajorString());
        }
        if (!prop.getPrivacy()) {
            throw new MessageIntegrityException("Kerberos reply was signed but not encrypted");
        }
        if (prop.isDuplicateToken() || prop.isOldToken() || prop.isUnseqToken() || prop.isGapToken()) {
            throw new MessageIntegrityException("Kerberos reply is out of sequence (replayed, reordered or lost)");
        }
        received.add(unrotated);
        return plaintext;
    }
}
