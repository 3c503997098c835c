package io.hypervwsman.transport.auth.ntlm.internal;

import io.hypervwsman.AuthenticationException;
import io.hypervwsman.transport.auth.SessionSecurity;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one NTLMv2 handshake (MS-NLMP 3.2), for the simulated host and test servers:
 * {@link #challenge(byte[])}, {@link #accept(byte[])}, then {@link #sessionSecurity()}. Accepts only
 * NTLMv2 with a MIC, extended session security and key exchange. Single use and not thread-safe.
 */
public final class NtlmServerContext {
    private static final Logger LOG = LoggerFactory.getLogger(NtlmServerContext.class);

    private enum State { INITIAL, CHALLENGE_SENT, COMPLETE, FAILED }

    private final CredentialLookup credentials;
    private final NtlmServerIdentity identity;
    private final NonceSource nonces;
    private final Clock clock;
    private final byte[] expectedChannelBindings;
    private final NtlmVersion version;
    private State state = State.INITIAL;
    private byte[] negotiateMessage;
    private byte[] challengeMessage;
    private byte[] serverChallenge;
    private byte[] exportedSessionKey;
    private String authenticatedDomain;
    private String authenticatedUser;
    private NtlmSessionSecurity sessionSecurity;

    private NtlmServerContext(Builder builder) {
        this.credentials = Objects.requireNonNull(builder.credentials, "credentials");
        this.identity = Objects.requireNonNull(builder.identity, "identity");
        this.nonces = builder.nonces;
        this.clock = builder.clock;
        this.expectedChannelBindings = builder.expectedChannelBindings;
        this.version = builder.version;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The CHALLENGE answering {@code negotiateMessage} (MS-NLMP 3.2.5.1.1).
     *
     * @throws AuthenticationException if the NEGOTIATE is malformed or lacks flags we require
     */
    public byte[] challenge(byte[] negotiateMessage) {
        requireState(State.INITIAL, "challenge()");
        state = State.FAILED;
        NegotiateMessage negotiate = NegotiateMessage.parse(negotiateMessage);
        NegotiateFlags missing = negotiate.flags().missing(NegotiateFlags.SESSION_SECURITY);
        if (missing.value() != 0) {
            throw new AuthenticationException("The NTLM client did not offer flags this server requires: " + missing);
        }
        // MS-NLMP 3.2.5.1.1: answer in the character set the client offered. ntlm-auth (pywinrm) offers OEM
        // only and no NTLM bit, which Windows accepts; its AUTHENTICATE then carries OEM strings.
        NegotiateFlag charset = negotiate.flags().contains(NegotiateFlag.UNICODE) ? NegotiateFlag.UNICODE
                : NegotiateFlag.OEM;
        NegotiateFlags flags = negotiate.flags().intersect(NegotiateFlags.CLIENT_DEFAULT)
                .with(charset, NegotiateFlag.TARGET_INFO, NegotiateFlag.TARGET_TYPE_SERVER, NegotiateFlag.VERSION);
        serverChallenge = nonces.next(8);
        String targetName = flags.contains(NegotiateFlag.REQUEST_TARGET) ? identity.netbiosComputer() : "";
        ChallengeMessage challenge = new ChallengeMessage(flags, serverChallenge, targetName,
                identity.targetInfo(FileTime.of(clock.instant())), version);
        this.negotiateMessage = negotiateMessage.clone();
        this.challengeMessage = challenge.toBytes();
        state = State.CHALLENGE_SENT;
        return challengeMessage.clone();
    }

    /**
     * Verifies the client's AUTHENTICATE (MS-NLMP 3.2.5.1.2): NTProofStr, MIC and, if configured,
     * channel bindings.
     *
     * @throws AuthenticationException naming what failed, never a secret
     */
    public void accept(byte[] authenticateMessage) {
        requireState(State.CHALLENGE_SENT, "accept()");
        state = State.FAILED;
        AuthenticateMessage authenticate = AuthenticateMessage.parse(authenticateMessage);
        String account = authenticate.domain() + "\\" + authenticate.user();
        if (authenticate.user().isEmpty() || authenticate.flags().contains(NegotiateFlag.ANONYMOUS)) {
            throw failure("anonymous NTLM authentication is not accepted");
        }
        NegotiateFlags missing = authenticate.flags().missing(NegotiateFlags.SESSION_SECURITY);
        if (missing.value() != 0) {
            throw failure("the AUTHENTICATE message from " + account + " lacks required flags " + missing);
        }
        byte[] ntResponse = authenticate.ntChallengeResponse();
        if (ntResponse.length <= 24) {
            throw failure("NTLMv1 responses are not accepted (from " + account + ")");
        }
        NtlmV2Response response = NtlmV2Response.parse(ntResponse);
        TargetInfo vouched = response.clientChallenge().avPairs();

        byte[] exported = verifyProof(authenticate, response, account);
        try {
            verifyMic(authenticate, authenticateMessage, vouched, exported, account);
            verifyChannelBindings(vouched, account);
            exportedSessionKey = exported.clone();
        } finally {
            Arrays.fill(exported, (byte) 0);
        }
        authenticatedDomain = authenticate.domain();
        authenticatedUser = authenticate.user();
        sessionSecurity = NtlmSessionSecurity.forServer(exportedSessionKey);
        state = State.COMPLETE;
        LOG.debug("NTLM authenticated {}", account);
    }

    /** Checks NTProofStr and returns the ExportedSessionKey the client chose. */
    private byte[] verifyProof(AuthenticateMessage authenticate, NtlmV2Response response, String account) {
        char[] password = credentials.password(authenticate.domain(), authenticate.user())
                .orElseThrow(() -> failure("unknown user " + account));
        byte[] responseKey;
        try {
            responseKey = NtOwf.v2(password, authenticate.user(), authenticate.domain());
        } finally {
            Arrays.fill(password, '\0');
        }
        byte[] keyExchangeKey = null;
        try {
            if (!response.verifies(responseKey, serverChallenge)) {
                throw failure("wrong password for " + account + " (NTProofStr does not verify)");
            }
            byte[] encrypted = authenticate.encryptedRandomSessionKey();
            if (encrypted.length != KeyExchange.SESSION_KEY_LENGTH) {
                throw failure("the AUTHENTICATE message from " + account + " has no valid EncryptedRandomSessionKey");
            }
            byte[] sessionBaseKey = response.sessionBaseKey(responseKey);
            keyExchangeKey = KeyExchange.keyExchangeKey(sessionBaseKey);
            Arrays.fill(sessionBaseKey, (byte) 0);
            return KeyExchange.decryptRandomSessionKey(keyExchangeKey, encrypted);
        } finally {
            Arrays.fill(responseKey, (byte) 0);
            if (keyExchangeKey != null) {
                Arrays.fill(keyExchangeKey, (byte) 0);
            }
        }
    }

    private void verifyMic(AuthenticateMessage authenticate, byte[] message, TargetInfo vouched, byte[] exported,
                           String account) {
        byte[] mic = authenticate.mic();
        if ((vouched.flags() & AvId.FLAG_MIC_PRESENT) == 0 || mic == null) {
            throw failure("the AUTHENTICATE message from " + account + " carries no MIC");
        }
        byte[] expected = MessageIntegrityCode.compute(exported, negotiateMessage, challengeMessage,
                AuthenticateMessage.withZeroedMic(message));
        if (!MessageDigest.isEqual(expected, mic)) {
            throw failure("the MIC from " + account + " does not verify (handshake messages were altered)");
        }
    }

    private void verifyChannelBindings(TargetInfo vouched, String account) {
        if (expectedChannelBindings == null) {
            return;
        }
        byte[] received = vouched.value(AvId.MSV_AV_CHANNEL_BINDINGS).orElse(new byte[ChannelBindings.HASH_LENGTH]);
        if (!MessageDigest.isEqual(ChannelBindings.avPairValue(expectedChannelBindings), received)) {
            throw failure("channel bindings from " + account + " do not match this TLS channel"
                    + " (missing, or a TLS-intercepting proxy in the path)");
        }
    }

    private static AuthenticationException failure(String why) {
        return new AuthenticationException("NTLM authentication failed: " + why);
    }

    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    /** The domain the authenticated client named, as sent. */
    public String authenticatedDomain() {
        requireState(State.COMPLETE, "authenticatedDomain()");
        return authenticatedDomain;
    }

    /** The user name the authenticated client named, as sent. */
    public String authenticatedUser() {
        requireState(State.COMPLETE, "authenticatedUser()");
        return authenticatedUser;
    }

    /** Message protection for the server direction; the same instance on every call. */
    public SessionSecurity sessionSecurity() {
        requireState(State.COMPLETE, "sessionSecurity()");
        return sessionSecurity;
    }

    /** For tests in this package: the key both sides must agree on. */
    public byte[] exportedSessionKey() {
        requireState(State.COMPLETE, "exportedSessionKey()");
        return exportedSessionKey.clone();
    }

    private void requireState(State expected, String call) {
        if (state != expected) {
            throw new IllegalStateException("NTLM server context: " + call + " called in state " + state);
        }
    }

    @Override
    public String toString() {
        return "NtlmServerContext[" + identity.netbiosComputer() + ", state=" + state + "]";
    }

    /** Settings for one {@link NtlmServerContext}. */
    public static final class Builder {
        private CredentialLookup credentials;
        private NtlmServerIdentity identity;
        private NonceSource nonces = NonceSource.secureRandom();
        private Clock clock = Clock.systemUTC();
        private byte[] expectedChannelBindings;
        private NtlmVersion version = NtlmVersion.WINDOWS_10;

        private Builder() {
        }

        public Builder credentials(CredentialLookup credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        public Builder identity(NtlmServerIdentity identity) {
            this.identity = Objects.requireNonNull(identity, "identity");
            return this;
        }

        public Builder nonceSource(NonceSource nonces) {
            this.nonces = Objects.requireNonNull(nonces, "nonces");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Application data the client must bind to (RFC 5929 tls-server-end-point); unchecked when not set. */
        public Builder expectedChannelBindings(byte[] applicationData) {
            this.expectedChannelBindings = applicationData == null ? null : applicationData.clone();
            return this;
        }

        public Builder version(NtlmVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        public NtlmServerContext build() {
            return new NtlmServerContext(this);
        }
    }
}
