package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A mistyped command or option gets a suggestion; --password points at where a password comes from. */
class TypoSuggestionsCliTest {
    @Test
    void aMistypedCommandIsSuggestedTheRightOne() {
        CliRun r = CliRun.exactly("revert-failvoer", "--simulate", "--vm", "web-frontend-01");
        assertEquals(2, r.exitCode(), r::describe);
        assertEquals("", r.out());
        assertEquals("error: unknown command 'revert-failvoer'\nhint: did you mean revert-failover? (hyperv-wsman --help)\n",
                r.err());
    }

    @Test
    void aMistypedOptionIsSuggestedTheRightOne() {
        CliRun r = CliRun.exactly("revert-failover", "--simulate", "--vm", "web-frontend-01", "--turn-of");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.err().contains("hint: did you mean --turn-off?"), r.err());
    }

    @Test
    void passwordIsNeverAnArgumentAndItsValueIsNotRepeated() {
        CliRun r = CliRun.exactly("revert-failover", "--host", "hv01", "--user", "LAB\\operator", "--vm", "x",
                "--password", "Hunter2-Secret");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.err().contains("error: there is no --password option"), r.err());
        assertTrue(r.err().contains("HYPERV_WSMAN_PASSWORD") && r.err().contains("--password-file"), r.err());
        assertFalse(r.err().contains("Hunter2-Secret"), "the secret is not echoed: " + r.err());

        CliRun json = CliRun.exactly("vms", "--host", "hv01", "--password=Hunter2-Secret", "--output", "json");
        assertEquals(2, json.exitCode(), json::describe);
        assertTrue(json.json().get("hint").asText().contains("HYPERV_WSMAN_PASSWORD"));
        assertFalse(json.out().contains("Hunter2-Secret"));
    }

    @Test
    void theHelpHintOfASubcommandNamesItsWholePath() {
        CliRun r = CliRun.exactly("job", "wait", "--host", "hv01");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.err().contains("--job"), r.err());
        assertTrue(r.err().endsWith("hint: hyperv-wsman job wait --help\n"), r.err());
    }
}
