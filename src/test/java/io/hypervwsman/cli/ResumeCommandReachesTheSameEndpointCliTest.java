package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resume hint after a timeout is a command that, pasted into a shell, waits for the same job on the same
 * endpoint the same way: here HTTPS with a CA file, an explicit port and path, NTLM and a password file. It names
 * the installed launcher and never carries the password.
 */
class ResumeCommandReachesTheSameEndpointCliTest {
    private static final String VM = "web-frontend-01";
    @TempDir
    Path dir;

    @Test
    void theResumeHintKeepsHttpsTheCaFileAuthAndPasswordFileAndWorksWhenPasted() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default", "server")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            String ca = SimulatedHostFixture.testCa().toString();
            assertEquals(5, cli.run("revert-failover", "--vm", VM, "--timeout", "2s", "--ca-file", ca), cli::err);
            String hint = cli.err().lines().filter(l -> l.startsWith("hint: resume waiting with: ")).findFirst()
                    .orElseThrow(() -> new AssertionError(cli.err())).substring("hint: resume waiting with: ".length());

            assertTrue(hint.startsWith("hyperv-wsman job wait --job "), hint);
            assertTrue(hint.contains(" --host " + f.sim.endpoint()), "port and path as given: " + hint);
            assertTrue(hint.contains(" --ca-file " + ca), hint);
            assertTrue(hint.contains(" --auth ntlm"), hint);
            assertTrue(hint.contains(" --user 'LAB\\operator'"), hint);
            assertTrue(hint.contains(" --password-file " + dir.resolve("password").toAbsolutePath()), hint);
            assertFalse(hint.contains(SimulatedHostFixture.PASSWORD), "never the secret");

            // pasted as it is: the job is waited for to its end over the same HTTPS endpoint
            List<String> words = shellWords(hint);
            assertEquals("hyperv-wsman", words.get(0));
            assertEquals(0, cli.runExactly(words.subList(1, words.size()).toArray(String[]::new)), cli::err);
            assertTrue(cli.out().startsWith("succeeded: "), cli.out());
            assertEquals(1, cli.reverts(), "resuming sends no second revert");
        }
    }

    @Test
    void theListVmsHintAfterAnUnknownVmReachesTheSameEndpointAndWorksWhenPasted() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default", "server")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            String ca = SimulatedHostFixture.testCa().toString();
            assertEquals(ExitCodes.FAILED, cli.run("revert-failover", "--vm", "no-such-vm", "--ca-file", ca), cli::err);
            String hint = cli.err().lines().filter(l -> l.startsWith("hint: list them with: ")).findFirst()
                    .orElseThrow(() -> new AssertionError(cli.err())).substring("hint: list them with: ".length());

            assertTrue(hint.contains(" --ca-file " + ca), hint);
            assertTrue(hint.contains(" --auth ntlm"), hint);
            assertTrue(hint.contains(" --password-file "), hint);
            List<String> words = shellWords(hint);
            assertEquals(List.of("hyperv-wsman", "vms"), words.subList(0, 2));
            assertEquals(0, cli.runExactly(words.subList(1, words.size()).toArray(String[]::new)), cli::err);
            assertTrue(cli.out().contains(VM), cli.out());
        }
    }

    @Test
    void timeoutsAsGivenAreKeptInTheCliDurationWords() {
        ConnectionMixin c = new ConnectionMixin();
        c.simulate = true;
        c.operationTimeout = Duration.ofMinutes(90);
        c.readTimeout = Duration.ofMillis(250);
        c.exchangeTimeout = Duration.ofSeconds(3725);
        assertEquals(" --simulate --operation-timeout 1h30m --read-timeout 250ms --exchange-timeout 1h2m5s",
                c.resumeArguments());
        DurationConverter converter = new DurationConverter();
        for (Duration d : List.of(Duration.ofMillis(1), Duration.ofSeconds(59), Duration.ofMinutes(61),
                Duration.ofHours(26).plusMillis(7))) {
            assertEquals(d, converter.convert(DurationConverter.words(d)), "read back: " + DurationConverter.words(d));
        }
        // the plan pre-checks' ages use the same words, as Duration#toString wrote them before (zero, clock skew)
        assertEquals("7h42m35s", PlanPreChecks.human(Duration.ofSeconds(27755).plusMillis(900)));
        assertEquals("0s", PlanPreChecks.human(Duration.ofMillis(400)));
        assertEquals("-5s", PlanPreChecks.human(Duration.ofSeconds(-5)));
    }

    @Test
    void theKerberosAndTlsOptionsAsGivenAreKeptToo() {
        ConnectionMixin c = new ConnectionMixin();
        c.host = "hv01.lab.example";
        c.https = true;
        c.auth = "kerberos";
        c.user = "operator@LAB.EXAMPLE";
        c.realm = "LAB.EXAMPLE";
        c.kdc = "kdc.lab.example:88";
        c.spn = "HTTP/hv01.lab.example";
        c.keytab = Path.of("/etc/op.keytab");
        c.insecureSkipTlsVerification = true;
        c.noEncryption = false;
        assertEquals(" --host hv01.lab.example --https --auth kerberos --user operator@LAB.EXAMPLE"
                + " --insecure-skip-tls-verification --keytab /etc/op.keytab --realm LAB.EXAMPLE"
                + " --kdc kdc.lab.example:88 --spn HTTP/hv01.lab.example", c.resumeArguments());
    }

    /** POSIX shell words of a command made of bare words and single-quoted ones ('\'' for a quote). */
    private static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (char ch : command.toCharArray()) {
            if (quoted) {
                if (ch == '\'') {
                    quoted = false;
                } else {
                    word.append(ch);
                }
            } else if (ch == ' ') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                if (ch == '\'') {
                    quoted = true;
                } else if (ch != '\\') {
                    word.append(ch);
                }
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
