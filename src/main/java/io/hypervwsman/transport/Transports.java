package io.hypervwsman.transport;

import io.hypervwsman.ConfigurationException;
import io.hypervwsman.transport.auth.NegotiateContext;
import io.hypervwsman.transport.auth.ntlm.NtlmClientContext;
import io.hypervwsman.transport.auth.ntlm.NtlmNegotiateContext;
import java.util.function.Supplier;

/** Chooses the transport chain that fits the connection options. */
public final class Transports {
    /** The workstation name NTLM reports; the host only logs it. */
    private static final String WORKSTATION = "HYPERV-WSMAN";

    private Transports() {
    }

    /** The transport for these options: plain HTTP(S) for NONE and BASIC, Negotiate for the rest. */
    public static Transport open(ConnectionOptions options) {
        switch (options.authMode()) {
            case NONE:
            case BASIC:
                return new HttpTransport(options);
            case NTLM:
            case NEGOTIATE:
                return new NegotiateTransport(options, ntlm(options));
            default:
                throw new ConfigurationException(options.authMode() + " authentication is not available in this build");
        }
    }

    /** NTLM contexts for the options' credentials; {@code user@domain} goes whole in the user field. */
    static Supplier<NegotiateContext> ntlm(ConnectionOptions options) {
        Credentials c = options.credentials().orElseThrow(() -> new ConfigurationException(
                "NTLM authentication needs a user and password"));
        String user = c.user();
        int backslash = user.indexOf('\\');
        String domain = backslash >= 0 ? user.substring(0, backslash) : "";
        String name = backslash >= 0 ? user.substring(backslash + 1) : user;
        String host = options.endpoint().getHost();
        return () -> {
            char[] pw = c.password();
            try {
                return new NtlmNegotiateContext(NtlmClientContext.builder().domain(domain).user(name).password(pw)
                        .workstation(WORKSTATION).targetName("HTTP/" + host).build());
            } finally {
                java.util.Arrays.fill(pw, '\0');
            }
        };
    }
}
