package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 11: commit-failover cannot be undone, so it asks on a terminal unless --yes; without a terminal
 * (scripts, CI) it needs --yes and otherwise refuses with exit 2 before invoking anything.
 */
class CommitFailoverConfirmationCliTest {
    @TempDir
    Path dir;

    /** A person at the terminal who gives {@code answer}; each question asked is kept in {@code asked}. */
    private static Terminal.LineReader answering(List<String> asked, String answer) {
        return prompt -> {
            asked.add(prompt);
            return answer;
        };
    }

    @Test
    void withoutATerminalItNeedsYes() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(2, cli.run("commit-failover", "--vm", "web-frontend-01"));
            assertEquals("", cli.out());
            assertEquals(List.of("error: commit-failover cannot be undone and there is no terminal to confirm it on",
                    "hint: add --yes to commit the failover of web-frontend-01 without asking"),
                    cli.err().lines().toList());

            assertEquals(2, cli.run("commit-failover", "--vm", "web-frontend-01", "--output", "json"));
            JsonNode j = cli.json();
            assertEquals(2, j.get("exitCode").asInt());
            assertTrue(j.get("hint").asText().contains("--yes"), j.toString());
            assertEquals(0, f.sim.invocations("CommitFailover"));

            assertEquals(0, cli.run("commit-failover", "--vm", "web-frontend-01", "--dry-run"));
            assertTrue(cli.out().startsWith("planned: "), cli.out());
            assertEquals(0, cli.run("commit-failover", "--vm", "web-frontend-01", "--yes"));
            assertEquals(1, f.sim.invocations("CommitFailover"));
        }
    }

    @Test
    void onATerminalItAsksAndCommitsOnlyOnYes() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            List<String> prompts = new ArrayList<>();
            cli.reader = answering(prompts, "no");
            assertEquals(1, cli.run("commit-failover", "--vm", "web-frontend-01"));
            assertEquals(1, prompts.size());
            assertTrue(prompts.get(0).startsWith("commit the failover of web-frontend-01 on ")
                    && prompts.get(0).contains("cannot be reverted") && prompts.get(0).endsWith("Type yes to commit: "),
                    prompts.get(0));
            assertTrue(cli.err().contains("error: commit-failover of web-frontend-01 not confirmed; nothing was"
                    + " invoked\n"), cli.err());
            assertEquals(0, f.sim.invocations("CommitFailover"));

            cli.reader = answering(prompts, " YES ");
            assertEquals(0, cli.run("commit-failover", "--vm", "web-frontend-01"));
            assertEquals(2, prompts.size());
            assertTrue(cli.out().startsWith("succeeded: commit-failover completed for web-frontend-01"), cli.out());
            assertEquals(1, f.sim.invocations("CommitFailover"));
        }
    }

    @Test
    void yesSkipsTheQuestionOnATerminal() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            List<String> prompts = new ArrayList<>();
            cli.reader = answering(prompts, "no");
            assertEquals(0, cli.run("commit-failover", "--vm", "web-frontend-01", "-y"));
            assertEquals(List.of(), prompts);
            assertEquals(1, f.sim.invocations("CommitFailover"));
        }
    }
}
