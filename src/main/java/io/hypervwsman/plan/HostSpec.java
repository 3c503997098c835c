package io.hypervwsman.plan;

import java.net.URI;

/**
 * A host a plan acts on: a connection profile by name, or an inline WS-Man endpoint. Never a password: the
 * profile or the operator's prompt supplies the credentials when the plan runs.
 *
 * @param profile  the name of a connection profile
 * @param endpoint the WS-Man URL, e.g. {@code https://hv-b.dr.example:5986/wsman}
 * @param user     the account for an inline endpoint, e.g. {@code DR\svc-dr}
 * @param auth     the authentication for an inline endpoint (negotiate, ntlm, kerberos, basic, certificate)
 */
public record HostSpec(String profile, URI endpoint, String user, String auth) {

    public HostSpec {
        if ((profile == null) == (endpoint == null)) {
            throw new IllegalArgumentException("a host is either 'profile' or 'endpoint', exactly one of them");
        }
        if (profile != null && (user != null || auth != null)) {
            throw new IllegalArgumentException("'user' and 'auth' belong to the profile, not beside 'profile'");
        }
        if (endpoint != null && !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
            throw new IllegalArgumentException("endpoint must be an http or https URL, not '" + endpoint + "'");
        }
    }
}
