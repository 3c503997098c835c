package io.hypervwsman.sim;

import io.hypervwsman.transport.auth.SessionSecurity;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmServerContext;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's authentication state per TCP connection (WinRM authenticates connections, not requests), keeping
 * the most recently used {@value #MAX_SESSIONS} so a long run cannot grow it without bound.
 */
final class SessionTable {
    static final int MAX_SESSIONS = 10_000;

    private final Map<InetSocketAddress, Session> byPeer = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Session> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    synchronized Session get(InetSocketAddress peer) {
        return byPeer.get(peer);
    }

    synchronized void put(InetSocketAddress peer, Session session) {
        byPeer.put(peer, session);
    }

    synchronized void remove(InetSocketAddress peer) {
        byPeer.remove(peer);
    }

    /** Forgets every connection's authentication, as a restarted WinRM service does. */
    synchronized void clear() {
        byPeer.clear();
    }

    /**
     * Forgets every authenticated connection, as a host does with connections idle past its timeout; a handshake in
     * progress is not idle, so it is kept (dropping it would fail that login as if the password were wrong).
     */
    synchronized void clearEstablished() {
        byPeer.values().removeIf(Session::established);
    }

    /** One connection: an NTLM handshake under way (its context) or done, and once done its session security. */
    static final class Session {
        final NtlmServerContext ntlm;
        volatile SessionSecurity security;

        Session(NtlmServerContext ntlm, SessionSecurity security) {
            this.ntlm = ntlm;
            this.security = security;
        }

        boolean established() {
            return security != null;
        }
    }
}
