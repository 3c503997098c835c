package io.hypervwsman.hyperv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.sim.HostFault;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.transport.KerberosOptions;
import io.hypervwsman.transport.auth.kerberos.EmbeddedKdc;
import io.hypervwsman.transport.auth.kerberos.EmbeddedKdcExtension;
import io.hypervwsman.wsman.WsManClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long run over Kerberos whose tickets expire between operations: the host drops the session (idle timeout), the
 * new connection needs a new service ticket, and the TGT is gone; the client logs in again from the password or the
 * keytab and carries on, no operation fails and no Invoke is sent twice. Kerby issues tickets on real time only, so the tickets
 * here last 3 s (the shortest that leaves room for one operation on a loaded machine) and the test waits on a latch
 * until the first TGT has ended.
 */
@ExtendWith(EmbeddedKdcExtension.class)
class KerberosTicketExpiryMidRunTest {
    private static final String VM = "web-frontend-01";
    @TempDir
    Path dir;

    @ParameterizedTest(name = "from the {0}")
    @ValueSource(strings = {"password", "keytab"})
    void anExpiredTicketIsReacquiredWithoutFailingAnOperationOrResendingAnInvoke(String from, EmbeddedKdc kdc)
            throws Exception {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default");
             AutoCloseable shortTickets = kdc.shortTickets(Duration.ofSeconds(3))) {
            f.sim.gateway().acceptKerberos(kdc.exportKeytab(EmbeddedKdc.SERVICE, dir), EmbeddedKdc.SERVICE);
            boolean keytab = from.equals("keytab");
            ConnectionOptions o = ConnectionOptions.builder(f.sim.endpoint())
                    .auth(AuthMode.KERBEROS, keytab ? new Credentials(EmbeddedKdc.KEYTAB_USER, new char[0])
                            : new Credentials(EmbeddedKdc.USER, kdc.userPassword()))
                    .kerberos(new KerberosOptions(keytab ? kdc.exportKeytab(EmbeddedKdc.KEYTAB_USER, dir) : null, null,
                            kdc.realm().name(), kdc.realm().kdcs().get(0), EmbeddedKdc.SERVICE)).build();
            Instant loggedIn = Instant.now();
            try (HyperVHost host = HyperVHost.builder().client(WsManClient.connect(o), "HV01").clock(f.clock)
                    .sleeper(d -> f.clock.advance(d)).build()) {
                ReplicaOperations replica = ReplicaOperations.of(host);
                OperationOutcome revert = replica.revertFailover(VmRef.of(VM), f.options());
                assertEquals(Outcome.SUCCEEDED, revert.outcome(), revert.message());

                // Real time: wait until every ticket of the first login has ended (3 s lifetime, 1 s to spare).
                Instant expired = loggedIn.plusSeconds(4);
                CountDownLatch never = new CountDownLatch(1);
                while (!Instant.now().isAfter(expired)) {
                    never.await(Duration.between(Instant.now(), expired).toMillis() + 1, TimeUnit.MILLISECONDS);
                }
                f.sim.faults().once(HostFault.FORGET_SESSIONS);

                OperationOutcome failover = replica.initiateFailover(VmRef.of(VM), f.options());

                assertEquals(Outcome.SUCCEEDED, failover.outcome(), failover.message());
                assertEquals(1, f.sim.invocations("RevertFailover"));
                assertEquals(1, f.sim.invocations("InitiateFailover"), "exactly one Invoke");
                assertTrue(f.sim.gateway().completedHandshakes() >= 2, "a second Kerberos session, with new tickets");
            }
        }
    }
}
