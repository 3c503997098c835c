package io.hypervwsman.transport.auth.kerberos;

import io.hypervwsman.AuthenticationException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Runs the JDK's Krb5LoginModule with a programmatic JAAS configuration (no jaas.conf file, nothing global)
 * and turns its failures into AuthenticationExceptions that say what went wrong.
 */
final class KerberosLogin {

    private static final String LOGIN_MODULE = "com.sun.security.auth.module.Krb5LoginModule";
    private static final String ENTRY_NAME = "hyperv-wsman-kerberos";
    /** JDK KrbException messages read "text (code)" or "text (code) - NAME"; codes over 100 are JDK-internal. */
    private static final Pattern KRB_ERROR_CODE = Pattern.compile("\\((\\d{1,2})\\)");

    private KerberosLogin() {
    }

    /** Logs in with the given Krb5LoginModule options; the returned context holds the Subject with the tickets. */
    static LoginContext login(String principal, Map<String, String> options, CallbackHandler callbacks) {
        Configuration configuration = new SingleEntryConfiguration(options);
        try {
            LoginContext context = new LoginContext(ENTRY_NAME, new Subject(), callbacks, configuration);
            context.login();
            return context;
        } catch (LoginException e) {
            String message = "Kerberos login as " + principal + " failed: " + explain(e);
            throw kdcUnreachable(e) ? new KdcUnreachableException(message, e) : new AuthenticationException(message, e);
        }
    }

    /** The login never reached a KDC (as opposed to a KDC that refused): DNS, connection, or no realm to ask. */
    static boolean kdcUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException || t instanceof java.net.ConnectException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.net.PortUnreachableException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("locate KDC") || m.contains("locate default realm"))) {
                return true;
            }
        }
        return false;
    }

    /** Error codes per RFC 4120 section 7.5.9, found at the end of the JDK's KrbException messages. */
    static String explain(Throwable failure) {
        String detail = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            detail = detail == null ? message : detail;
            Matcher code = KRB_ERROR_CODE.matcher(message);
            if (code.find()) {
                return reason(Integer.parseInt(code.group(1))) + " (KDC: " + message + ")";
            }
        }
        return detail != null ? detail : failure.getClass().getSimpleName();
    }

    private static String reason(int code) {
        return switch (code) {
            case 6 -> "the KDC does not know this principal";
            case 18 -> "the account is disabled or locked out";
            case 23 -> "the password has expired";
            case 24, 31 -> "wrong password or key";
            case 37 -> "the clocks of this machine and the KDC differ too much";
            case 68 -> "the principal belongs to another realm";
            default -> "the KDC refused";
        };
    }

    private static final class SingleEntryConfiguration extends Configuration {
        private final AppConfigurationEntry[] entries;

        SingleEntryConfiguration(Map<String, String> options) {
            this.entries = new AppConfigurationEntry[] {
                new AppConfigurationEntry(LOGIN_MODULE, LoginModuleControlFlag.REQUIRED, Map.copyOf(options))
            };
        }

        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return ENTRY_NAME.equals(name) ? entries.clone() : null;
        }
    }
}
