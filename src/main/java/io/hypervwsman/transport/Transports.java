package io.hypervwsman.transport;

import io.hypervwsman.ConfigurationException;

/** Chooses the transport chain that fits the connection options. */
public final class Transports {
    private Transports() {
    }

    /** The transport for these options: plain HTTP(S) for NONE and BASIC. */
    public static Transport open(ConnectionOptions options) {
        switch (options.authMode()) {
            case NONE:
            case BASIC:
                return new HttpTransport(options);
            default:
                throw new ConfigurationException(options.authMode() + " authentication is not available in this build");
        }
    }
}
