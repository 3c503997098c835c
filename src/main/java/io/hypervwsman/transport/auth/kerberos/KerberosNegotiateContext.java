package io.hypervwsman.transport.auth.kerberos;

import io.hypervwsman.transport.auth.NegotiateContext;
import io.hypervwsman.transport.auth.SessionSecurity;

/** Kerberos (SPNEGO or raw) as a {@link NegotiateContext}: AP-REQ out, AP-REP in on the final 200. */
public final class KerberosNegotiateContext implements NegotiateContext {
    private final KerberosClientContext context;

    public KerberosNegotiateContext(KerberosClientContext context) {
        this.context = context;
    }

    @Override
    public byte[] initialToken() {
        return context.initialToken();
    }

    @Override
    public byte[] step(byte[] serverToken) {
        return context.step(serverToken);
    }

    @Override
    public boolean isEstablished() {
        return context.isEstablished();
    }

    @Override
    public SessionSecurity sessionSecurity() {
        return context.sessionSecurity();
    }

    @Override
    public String mechanism() {
        return "Kerberos";
    }
}
