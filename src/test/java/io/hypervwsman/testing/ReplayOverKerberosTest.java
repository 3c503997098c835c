package io.hypervwsman.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.transport.KerberosOptions;
import io.hypervwsman.transport.auth.kerberos.EmbeddedKdc;
import io.hypervwsman.transport.auth.kerberos.EmbeddedKdcExtension;
import io.hypervwsman.wsman.WsManClient;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A recording replayed to a client that uses Kerberos with message encryption (a KDC runs in the test). */
@ExtendWith(EmbeddedKdcExtension.class)
class ReplayOverKerberosTest {
    @TempDir
    Path dir;

    @Test
    void theRecordedRevertReplaysOverKerberos(EmbeddedKdc kdc) {
        try (WinRmReplayServer replay = WinRmReplayServer.start(Path.of("test-fixtures/revert-ok"), "LAB\\operator")
                .acceptKerberos(kdc.exportKeytab(EmbeddedKdc.SERVICE, dir), EmbeddedKdc.SERVICE)) {
            ConnectionOptions options = ConnectionOptions.builder(replay.uri())
                    .auth(AuthMode.KERBEROS, new Credentials(EmbeddedKdc.USER, kdc.userPassword()))
                    .kerberos(new KerberosOptions(null, null, kdc.realm().name(), kdc.realm().kdcs().get(0),
                            EmbeddedKdc.SERVICE))
                    .build();
            ManualClock clock = new ManualClock(Instant.parse("2026-11-24T03:00:00Z"));
            OperationOutcome outcome;
            try (HyperVHost host = HyperVHost.builder()
                    .client(WsManClient.connect(options), "replay").clock(clock).sleeper(clock::advance).build()) {
                outcome = ReplicaOperations.of(host).revertFailover(VmRef.of("web-frontend-01"), OperationOptions.defaults());
            }
            assertEquals(Outcome.SUCCEEDED, outcome.outcome(), outcome::message);
            assertEquals(4096L, outcome.returnValue());
            assertEquals(0, replay.unmatchedRequests());
            assertEquals(1, replay.completedHandshakes(), "one Kerberos session");
        }
    }
}
