package io.hypervwsman.hyperv.replica;

import static io.hypervwsman.hyperv.SimulatedHostFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hypervwsman.Hint;
import io.hypervwsman.TransportException;
import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.JobReport;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.ReverseOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.testing.SimulatedHyperVHost;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one failure contract of Replica operations: a refusal before the Invoke is a FAILED outcome decided by the
 * pre-check (with a hint), never an exception; an exception means the host could not be read at all.
 */
@SimulatedHyperVHost(manualClock = true)
class OperationFailureContractTest {
    private final List<JobReport> progress = new ArrayList<>();

    /** Options whose listener records every progress report in {@link #progress}. */
    private OperationOptions options() {
        return OperationOptions.defaults().withListener(progress::add);
    }


    static Stream<ReplicaVerb> everyVerb() {
        return Stream.of(new RevertFailover(), new InitiateFailover(null), new CommitFailover(),
                new TestFailover(null), new PreparePlannedFailover(), new Resynchronize(),
                new ReverseReplication(ReverseOptions.defaults()), new StopTestFailover());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyVerb")
    void anUnknownVmIsAFailedOutcomeWithAHintAndNothingIsInvoked(ReplicaVerb verb, HyperVHost client, SimulatedHost sim) {
        OperationOutcome o = refused(ReplicaOperations.of(client).run(verb, VmRef.of("no-such-vm"), options()));

        assertEquals(verb.operation(), o.operation());
        assertEquals("no virtual machine named no-such-vm on HV01", o.message());
        assertEquals(Hint.of(Hint.Kind.LIST_VMS, "HV01"), o.hint());
        assertNull(o.returnValue());
        assertNull(o.job());
        assertEquals(0, sim.invocations(verb.operation().method()), "nothing invoked");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyVerb")
    void aVmInNoStateForTheVerbIsRefusedByItsPreCheck(ReplicaVerb verb, HyperVHost client, SimulatedHost sim) {
        // app-extended-01: a Replicating replica without a test VM (only failing over applies);
        // reporting-01: Committed
        VmRef vm = VmRef.of(verb instanceof InitiateFailover || verb instanceof TestFailover ? "reporting-01"
                : "app-extended-01");
        OperationOutcome o = refused(ReplicaOperations.of(client).run(verb, vm, options()));

        assertFalse(o.message().isBlank());
        assertEquals(0, sim.invocations(verb.operation().method()), o.message());
    }

    @Test
    void aHostThatCannotBeReachedThrowsATransportException() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ConnectionOptions o = ConnectionOptions.builder(URI.create("http://127.0.0.1:" + closed + "/wsman"))
                .auth(AuthMode.NTLM, new Credentials("LAB\\op", "pw".toCharArray())).build();
        try (HyperVHost host = HyperVHost.connect(o)) {
            assertThrows(TransportException.class, () -> ReplicaOperations.of(host)
                    .revertFailover(VmRef.of("web-frontend-01"), io.hypervwsman.hyperv.OperationOptions.defaults()));
        }
    }
}
