package io.hypervwsman;

/** The options given cannot work or would be unsafe (e.g. Basic auth over plain HTTP); nothing was sent. */
public class ConfigurationException extends HyperVWsManException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConfigurationException(String message, Hint hint) {
        super(message, null, hint);
    }
}
