package io.hypervwsman.transport.auth.ntlm;

import io.hypervwsman.transport.auth.ntlm.internal.ChannelBindings;
import io.hypervwsman.transport.auth.ntlm.internal.NonceSource;

import io.hypervwsman.transport.auth.ntlm.internal.NtlmSessionSecurity;

import io.hypervwsman.transport.auth.ntlm.internal.AuthenticateMessage;
import io.hypervwsman.transport.auth.ntlm.internal.AvId;
import io.hypervwsman.transport.auth.ntlm.internal.ChallengeMessage;
import io.hypervwsman.transport.auth.ntlm.internal.FileTime;
import io.hypervwsman.transport.auth.ntlm.internal.KeyExchange;
import io.hypervwsman.transport.auth.ntlm.internal.MessageIntegrityCode;
import io.hypervwsman.transport.auth.ntlm.internal.NegotiateFlag;
import io.hypervwsman.transport.auth.ntlm.internal.NegotiateFlags;
import io.hypervwsman.transport.auth.ntlm.internal.NegotiateMessage;
import io.hypervwsman.transport.auth.ntlm.internal.NtOwf;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmV2ClientChallenge;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmV2Response;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmVersion;
import io.hypervwsman.transport.auth.ntlm.internal.TargetInfo;

import io.hypervwsman.AuthenticationException;
import io.hypervwsman.transport.auth.SessionSecurity;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of one NTLMv2 handshake (MS-NLMP 3.1): {@link #negotiate()}, then
 * {@link #authenticate(byte[])} with the server's CHALLENGE, then {@link #sessionSecurity()}.
 * Single use and not thread-safe; the password copy is wiped once AUTHENTICATE is built or fails.
 */
public final class NtlmClientContext {
    private static final Logger LOG = LoggerFactory.getLogger(NtlmClientContext.class);

    private static final int MAX_FIELD_LENGTH = 0xFFFF;

    private enum State { INITIAL, NEGOTIATE_SENT, COMPLETE, FAILED }

    private final String domain;
    private final String user;
    private final char[] password;
    private final String workstation;
    private final String targetName;
    private byte[] channelBindings;
    private final NonceSource nonces;
    private final Clock clock;
    private final NtlmVersion version;
    private State state = State.INITIAL;
    private byte[] negotiateMessage;
    private byte[] exportedSessionKey;
    private NtlmSessionSecurity sessionSecurity;

    private NtlmClientContext(Builder builder) {
        this.domain = builder.domain;
        this.user = Objects.requireNonNull(builder.user, "user");
        this.password = Objects.requireNonNull(builder.password, "password").clone();
        this.workstation = builder.workstation;
        this.targetName = builder.targetName;
        this.channelBindings = builder.channelBindings == null ? null : builder.channelBindings.clone();
        this.nonces = builder.nonces;
        this.clock = builder.clock;
        this.version = builder.version;
    }

    /**
     * Sets the TLS channel bindings once the connection exists (the certificate is known only after the
     * first leg): the application data of tls-server-end-point, see {@link ChannelBindings}. Must come
     * before {@link #authenticate(byte[])}.
     */
    public void bindToChannel(byte[] applicationData) {
        if (isComplete()) {
            throw new IllegalStateException("channel bindings must be set before AUTHENTICATE is built");
        }
        this.channelBindings = applicationData == null ? null : applicationData.clone();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The NEGOTIATE message to send first. */
    public byte[] negotiate() {
        requireState(State.INITIAL, "negotiate()");
        negotiateMessage = NegotiateMessage.client(version).toBytes();
        state = State.NEGOTIATE_SENT;
        return negotiateMessage.clone();
    }

    /**
     * The AUTHENTICATE message answering {@code challengeMessage} (MS-NLMP 3.1.5.1.2).
     *
     * @throws AuthenticationException if the CHALLENGE is malformed or refuses what we require
     */
    public byte[] authenticate(byte[] challengeMessage) {
        requireState(State.NEGOTIATE_SENT, "authenticate()");
        state = State.FAILED;
        byte[] responseKey = null;
        try {
            ChallengeMessage challenge = ChallengeMessage.parse(challengeMessage);
            NegotiateFlags flags = agreedFlags(challenge.flags());
            LOG.debug("NTLM CHALLENGE from {}: flags {}", challenge.targetName(), challenge.flags());
            responseKey = NtOwf.v2(password, user, domain);
            byte[] message = buildAuthenticate(challenge, challengeMessage, flags, responseKey);
            sessionSecurity = NtlmSessionSecurity.forClient(exportedSessionKey);
            state = State.COMPLETE;
            return message;
        } finally {
            Arrays.fill(password, '\0');
            if (responseKey != null) {
                Arrays.fill(responseKey, (byte) 0);
            }
        }
    }

    private byte[] buildAuthenticate(ChallengeMessage challenge, byte[] challengeMessage, NegotiateFlags flags,
                                     byte[] responseKey) {
        byte[] clientChallenge = nonces.next(8);
        // MS-NLMP 3.1.5.1.2: with a server timestamp, use it as Time and send Z(24) as the LM response.
        FileTime serverTime = challenge.targetInfo().timestamp().orElse(null);
        FileTime time = serverTime != null ? serverTime : FileTime.of(clock.instant());
        NtlmV2ClientChallenge blob = new NtlmV2ClientChallenge(time, clientChallenge, avPairs(challenge.targetInfo()));
        NtlmV2Response response = NtlmV2Response.compute(responseKey, challenge.serverChallenge(), blob);
        if (response.toBytes().length > MAX_FIELD_LENGTH) {
            // A server can fill TargetInfo to its 64 KiB limit; with our pairs added it would no longer fit.
            throw new AuthenticationException("The NTLM CHALLENGE target information is too large to answer");
        }
        byte[] lmResponse = serverTime != null ? new byte[24]
                : NtlmV2Response.lmV2Response(responseKey, challenge.serverChallenge(), clientChallenge);

        byte[] sessionBaseKey = response.sessionBaseKey(responseKey);
        byte[] keyExchangeKey = KeyExchange.keyExchangeKey(sessionBaseKey);
        Arrays.fill(sessionBaseKey, (byte) 0);
        exportedSessionKey = nonces.next(KeyExchange.SESSION_KEY_LENGTH);
        byte[] encryptedKey = KeyExchange.encryptRandomSessionKey(keyExchangeKey, exportedSessionKey);
        Arrays.fill(keyExchangeKey, (byte) 0);

        AuthenticateMessage unsigned = new AuthenticateMessage(flags, lmResponse, response.toBytes(), domain, user,
                workstation, encryptedKey, version, null);
        byte[] mic = MessageIntegrityCode.compute(exportedSessionKey, negotiateMessage, challengeMessage,
                unsigned.toBytes());
        return unsigned.withMic(mic).toBytes();
    }

    /** The CHALLENGE's AV pairs plus what the client vouches for (MS-NLMP 3.1.5.1.2). */
    private TargetInfo avPairs(TargetInfo fromServer) {
        TargetInfo pairs = fromServer.withFlags(fromServer.flags() | AvId.FLAG_MIC_PRESENT);
        if (targetName != null) {
            pairs = pairs.withName(AvId.MSV_AV_TARGET_NAME, targetName);
        }
        return pairs.with(AvId.MSV_AV_CHANNEL_BINDINGS, ChannelBindings.avPairValue(channelBindings));
    }

    private static NegotiateFlags agreedFlags(NegotiateFlags offered) {
        NegotiateFlags missing = offered.missing(NegotiateFlags.REQUIRED);
        if (missing.value() != 0) {
            throw new AuthenticationException("The NTLM server did not agree to flags this client requires: " + missing);
        }
        return offered.intersect(NegotiateFlags.CLIENT_DEFAULT.with(NegotiateFlag.TARGET_INFO));
    }

    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    /** Message protection for the client direction; the same instance on every call. */
    public SessionSecurity sessionSecurity() {
        requireState(State.COMPLETE, "sessionSecurity()");
        return sessionSecurity;
    }

    /** For tests in this package: the key both sides must agree on. */
    byte[] exportedSessionKey() {
        requireState(State.COMPLETE, "exportedSessionKey()");
        return exportedSessionKey.clone();
    }

    private void requireState(State expected, String call) {
        if (state != expected) {
            throw new IllegalStateException("NTLM client context: " + call + " called in state " + state);
        }
    }

    @Override
    public String toString() {
        return "NtlmClientContext[" + domain + "\\" + user + ", workstation=" + workstation + ", state=" + state + "]";
    }

    /** Settings for one {@link NtlmClientContext}. */
    public static final class Builder {
        private String domain = "";
        private String user;
        private char[] password;
        private String workstation = "";
        private String targetName;
        private byte[] channelBindings;
        private NonceSource nonces = NonceSource.secureRandom();
        private Clock clock = Clock.systemUTC();
        private NtlmVersion version = NtlmVersion.WINDOWS_10;

        private Builder() {
        }

        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /** Copied; the caller should wipe its own array. */
        public Builder password(char[] password) {
            this.password = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        public Builder workstation(String workstation) {
            this.workstation = Objects.requireNonNull(workstation, "workstation");
            return this;
        }

        /** MsvAvTargetName, usually {@code HTTP/<host>}; left out when not set. */
        public Builder targetName(String targetName) {
            this.targetName = targetName;
            return this;
        }

        /** Channel-binding application data, e.g. {@link ChannelBindings#tlsServerEndPoint}; none outside TLS. */
        public Builder channelBindings(byte[] applicationData) {
            this.channelBindings = applicationData == null ? null : applicationData.clone();
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

        public Builder version(NtlmVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        public NtlmClientContext build() {
            return new NtlmClientContext(this);
        }
    }
}
