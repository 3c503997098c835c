package io.hypervwsman.transport.auth.kerberos;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import javax.security.auth.Subject;
import org.ietf.jgss.GSSException;

/**
 * Runs a JGSS call as a Subject: with {@code javax.security.auth.useSubjectCredsOnly} at its default (true),
 * the JDK's Kerberos mechanism takes tickets and keys only from the Subject of the calling context.
 */
@FunctionalInterface
interface GssCall<T> {

    T call() throws GSSException;

    @SuppressWarnings("removal") // Subject.doAs is the JDK 17 way; Subject.callAs needs 18+.
    static <T> T as(Subject subject, GssCall<T> call) throws GSSException {
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<T>) call::call);
        } catch (PrivilegedActionException e) {
            if (e.getException() instanceof GSSException gss) {
                throw gss;
            }
            throw new IllegalStateException("unexpected failure in a GSS call", e.getException());
        }
    }
}
