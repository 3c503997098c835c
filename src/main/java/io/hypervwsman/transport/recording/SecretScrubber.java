package io.hypervwsman.transport.recording;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from recorded SOAP text: authentication tokens in any form they could take (an HTTP
 * authorization value, a bare base64 NTLMSSP or SPNEGO token) and the connection's password. WS-Man envelopes carry
 * none of these in normal use, and the recorder sits above the authentication layer, so this is a second line.
 */
final class SecretScrubber {
    static final String REMOVED = "[removed]";
    /** Shorter passwords would match ordinary text; they cannot be scanned for without wrecking the recording. */
    private static final int MIN_SCANNED_PASSWORD = 4;
    private static final Pattern TOKENS = Pattern.compile(
            "(?i)\\b(Negotiate|Kerberos|NTLM|Basic|Bearer)\\s+[A-Za-z0-9+/=]{8,}"
                    // base64 of "NTLMSSP\0" and of a DER [APPLICATION 0] (SPNEGO / GSS initial token)
                    + "|TlRMTVNTUA[A-Za-z0-9+/=]*|\\bYI[GI][A-Za-z0-9+/=]{40,}");

    private final char[] password;

    SecretScrubber(char[] password) {
        this.password = password;
    }

    String scrub(String text) {
        Matcher m = TOKENS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, m.group(1) != null ? m.group(1) + " " + REMOVED : REMOVED);
        }
        m.appendTail(out);
        return password.length < MIN_SCANNED_PASSWORD ? out.toString() : withoutPassword(out);
    }

    private String withoutPassword(StringBuilder text) {
        int at;
        while ((at = indexOfPassword(text)) >= 0) {
            text.replace(at, at + password.length, REMOVED);
        }
        return text.toString();
    }

    private int indexOfPassword(CharSequence text) {
        outer:
        for (int i = 0; i + password.length <= text.length(); i++) {
            for (int j = 0; j < password.length; j++) {
                if (text.charAt(i + j) != password[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
