package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.AuthenticationException;
import io.hypervwsman.ConfigurationException;
import io.hypervwsman.Hint;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.transport.ConnectionException;
import io.hypervwsman.transport.HttpForbiddenException;
import io.hypervwsman.wsman.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exit codes and flag-worded hints are the CLI's alone; the library gives types and hint kinds. */
class ExitCodesAndHintsTest {

    @Test
    void eachFailureTypeHasItsDocumentedExitCode() {
        assertEquals(1, ExitCodes.of(new OperationFailedException("refused")));
        assertEquals(2, ExitCodes.of(new ConfigurationException("unsafe")));
        assertEquals(3, ExitCodes.of(new AuthenticationException("no")));
        assertEquals(3, ExitCodes.of(new HttpForbiddenException("403")));
        assertEquals(4, ExitCodes.of(new ConnectionException("reset", null, true)));
        assertEquals(4, ExitCodes.of(new ProtocolException("garbled")));
        assertEquals(4, ExitCodes.of(new IllegalStateException("a bug")));
    }

    @Test
    void eachOutcomeHasItsDocumentedExitCode() {
        assertEquals(0, ExitCodes.of(Outcome.SUCCEEDED));
        assertEquals(1, ExitCodes.of(Outcome.FAILED));
        assertEquals(5, ExitCodes.of(Outcome.TIMED_OUT));
        assertEquals(5, ExitCodes.of(Outcome.UNKNOWN));
    }

    @ParameterizedTest
    @EnumSource(Hint.Kind.class)
    void everyHintHasCliWordsAndApiWordsWithoutFlags(Hint.Kind kind) {
        Hint hint = Hint.of(kind, "web01");
        String api = hint.toString();
        assertFalse(api.isBlank());
        assertFalse(api.contains("--"), "the library names no CLI flag: " + api);
        assertFalse(HintText.of(hint).isBlank());
    }

    @Test
    void flagHintsNameTheirFlagOnTheCommandLine() {
        assertEquals("add --turn-off to turn it off first", HintText.of(Hint.of(Hint.Kind.TURN_OFF_FIRST, "web01")));
        assertEquals("list them with: hyperv-wsman vms --host HV01", HintText.of(Hint.of(Hint.Kind.LIST_VMS, "HV01")));
        assertEquals("commit it first: hyperv-wsman commit-failover --vm web01 (or revert it), or add --force",
                HintText.of(Hint.of(Hint.Kind.COMMIT_OR_REVERT_FIRST, "web01")));
        assertTrue(HintText.of(Hint.of(Hint.Kind.TRUST_HOST_CA)).contains("--ca-file"));
        assertNotEquals(HintText.of(Hint.of(Hint.Kind.TURN_OFF_FIRST)), Hint.of(Hint.Kind.TURN_OFF_FIRST).toString());
    }
}
