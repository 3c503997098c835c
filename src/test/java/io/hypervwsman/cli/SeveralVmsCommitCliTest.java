package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 18: commit-failover over several VMs asks once for all of them, naming each (scenario odd-vm-names.json). */
class SeveralVmsCommitCliTest extends SimulatedScenarioCliTest {
    SeveralVmsCommitCliTest() {
        super("odd-vm-names.json");
    }

    @Test
    void oneQuestionNamesEveryVm() {
        List<String> prompts = new ArrayList<>();
        cli.reader = prompt -> {
            prompts.add(prompt);
            return "yes";
        };
        assertEquals(0, cli.run("commit-failover", "--vm", "*"), cli::err);
        assertEquals(1, prompts.size(), prompts::toString);
        assertTrue(prompts.get(0).startsWith("commit the failovers of 2 VMs (web-frontend-01, O'Brien"), prompts.get(0));
        assertEquals(2, host.sim.invocations("CommitFailover"));
    }

    @Test
    void withoutATerminalYesIsNeededForTheWholeSet() {
        assertEquals(2, cli.run("commit-failover", "--vm", "web-*", "--vm", "O*"));
        assertTrue(cli.err().contains("hint: add --yes to commit the failovers of 2 VMs (web-frontend-01, O'Brien"),
                cli.err());
        assertEquals(0, host.sim.invocations("CommitFailover"));
    }
}
