package io.hypervwsman.plan;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading plan files: the bundled examples, and a clear line-and-column error for each kind of bad plan. */
class PlanFileTest {
    private static final Path BAD = Path.of("src/test/resources/io/hypervwsman/plan");

    @Test
    void quarterlyDrillExampleReadsWithEverySection() {
        PlanFile file = PlanFile.read(Path.of("examples/plans/quarterly-drill.yaml"));
        Plan plan = file.plan();
        assertEquals("quarterly-drill", plan.name());
        assertEquals(Duration.ofHours(1), plan.rpo());
        assertEquals(new Concurrency(8, 3), plan.concurrency());
        assertEquals(FailurePolicy.SKIP_GROUP, plan.onFailure());
        assertEquals(URI.create("https://dr-hv3.dr.example:5986/wsman"), plan.hosts().get("dr-hv3").endpoint());
        assertEquals(List.of("databases", "application", "web"), plan.groups().stream().map(Group::name).toList());
        Group db = plan.groups().get(0);
        assertEquals(PlanAction.TEST_FAILOVER, db.action());
        assertEquals(Duration.ofMinutes(10), db.options().waitForHeartbeat());
        assertEquals("dr-hv2", db.vms().get(1).host());
        assertTrue(db.vms().get(2).vm().isGuid());
        assertEquals(List.of("255.255.255.0"), db.vms().get(2).options().network().subnets());
        assertInstanceOf(ManualStep.class, db.pre().get(0));
        assertEquals(new CheckStep(CheckKind.HEARTBEAT, Duration.ofMinutes(5)), db.post().get(0));
        assertEquals(new CommandStep(List.of("./drill/check-sql.sh", "--quick"), Duration.ofMinutes(2)), db.post().get(1));
        assertTrue(plan.groups().get(2).vms().get(0).vm().isPattern());
        assertEquals(64, file.sha256().length());
    }

    @Test
    void defaultsApplyWhenThePlanLeavesThemOut() {
        Plan plan = PlanFile.parse("mini", "name: m\nhosts: {a: {profile: a}}\ngroups: [{name: g, host: a, action: revert, vms: [x]}]\n").plan();
        assertEquals(Concurrency.DEFAULT, plan.concurrency());
        assertEquals(FailurePolicy.STOP, plan.onFailure());
        assertEquals("latest", plan.groups().get(0).options().recoveryPointOrLatest());
        assertTrue(plan.groups().get(0).options().startAfterFailover());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad/password-in-host.yaml       | 6  | a plan never holds passwords",
        "bad/unknown-action.yaml         | 7  | unknown action 'fail-over-now'",
        "bad/step-of-two-kinds.yaml      | 11 | a step is exactly one of 'run', 'check' or 'manual'",
        "bad/misspelt-key.yaml           | 9  | missing key 'vms'",
        "bad/bad-duration.yaml           | 9  | 'soon' is not a duration",
        "bad/profile-and-endpoint.yaml   | 3  | either 'profile' or 'endpoint'",
        "bad/bad-indentation.yaml        | 7  | groups[0]",
        "bad/zero-concurrency.yaml       | 4  | at least 1",
        "bad/unknown-policy.yaml         | 4  | unknown failure policy 'retry'",
        "inconsistent/address-without-subnet.yaml | 8 | each IP address needs its subnet",
        "inconsistent/unknown-host.yaml  | 0  | host 'b' is not among the plan's hosts [a]",
        "inconsistent/no-action.yaml     | 0  | VM 'x' has no action",
    })
    void badPlanIsRefusedAtItsLine(String file, int line, String phrase) {
        Path path = BAD.resolve(file);
        PlanException e = assertThrows(PlanException.class, () -> PlanFile.read(path));
        assertAll(
                () -> assertEquals(line, e.line(), e.getMessage()),
                () -> assertTrue(e.getMessage().contains(phrase), e.getMessage()),
                () -> assertTrue(e.getMessage().startsWith(path + (line > 0 ? ":" + line + ":" + e.column() : "")),
                        e.getMessage()),
                () -> assertInstanceOf(io.hypervwsman.ConfigurationException.class, e));
    }

    @Test
    void aRefusedPasswordIsNotRepeatedInTheMessage() {
        PlanException e = assertThrows(PlanException.class, () -> PlanFile.read(BAD.resolve("bad/password-in-host.yaml")));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void aPasswordKeyIsRefusedWhereverItStands() {
        PlanException e = assertThrows(PlanException.class, () -> PlanFile.parse("p",
                "name: m\nhosts: {a: {profile: a}}\ngroups:\n  - name: g\n    host: a\n    action: revert\n"
                        + "    vms: [{vm: x, options: {adminPassword: s3cret}}]\n"));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("never holds passwords"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRefused() {
        PlanException e = assertThrows(PlanException.class,
                () -> PlanFile.parse("p", "name: a\nname: b\nhosts: {a: {profile: a}}\ngroups: []\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("name"), e.getMessage());
    }

    /**
     * A planned failover prepares on each VM's primary, found among the plan's hosts: an example that fails over
     * planned must name hosts besides the DR hosts its groups and VMs target (site-failover.yaml named only those).
     */
    @Test
    void examplesWithPlannedFailoverNameThePrimaryHostsToo() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("examples/plans"))) {
            examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int planned = 0;
        for (Path example : examples) {
            Plan plan = PlanFile.read(example).plan();
            Set<String> replicaHosts = new HashSet<>();
            for (Group g : plan.groups()) {
                for (VmEntry e : g.vms()) {
                    PlanAction action = e.action() != null ? e.action() : g.action();
                    if (action == PlanAction.PLANNED_FAILOVER) {
                        replicaHosts.add(e.host() != null ? e.host() : g.host());
                    }
                }
            }
            if (replicaHosts.isEmpty()) {
                continue;
            }
            planned++;
            Set<String> others = new HashSet<>(plan.hosts().keySet());
            others.removeAll(replicaHosts);
            assertFalse(others.isEmpty(), example + " fails over planned but names only the hosts " + replicaHosts);
        }
        assertTrue(planned > 0, "no example does a planned failover");
    }
}
