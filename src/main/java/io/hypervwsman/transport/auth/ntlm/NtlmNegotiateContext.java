package io.hypervwsman.transport.auth.ntlm;

import io.hypervwsman.AuthenticationException;
import io.hypervwsman.transport.auth.NegotiateContext;
import io.hypervwsman.transport.auth.SessionSecurity;

/** NTLM as a {@link NegotiateContext}: NEGOTIATE out, CHALLENGE in, AUTHENTICATE out; then sealed messages. */
public final class NtlmNegotiateContext implements NegotiateContext {
    private final NtlmClientContext context;

    public NtlmNegotiateContext(NtlmClientContext context) {
        this.context = context;
    }

    @Override
    public byte[] initialToken() {
        return context.negotiate();
    }

    @Override
    public byte[] step(byte[] serverToken) {
        if (context.isComplete()) {
            // Windows sends no final token for raw NTLMSSP; tolerate one but never act on it.
            return null;
        }
        if (serverToken == null) {
            throw new AuthenticationException("the host did not answer the NTLM NEGOTIATE with a CHALLENGE");
        }
        return context.authenticate(serverToken);
    }

    @Override
    public void bindToChannel(byte[] applicationData) {
        context.bindToChannel(applicationData);
    }

    @Override
    public boolean isEstablished() {
        return context.isComplete();
    }

    @Override
    public SessionSecurity sessionSecurity() {
        return context.sessionSecurity();
    }

    @Override
    public String mechanism() {
        return "NTLM";
    }

    @Override
    public String toString() {
        return "NtlmNegotiateContext[" + context + "]";
    }
}
