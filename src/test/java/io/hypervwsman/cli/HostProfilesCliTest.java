package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host profiles from $XDG_CONFIG_HOME/hyperv-wsman/config.yaml: --host NAME picks one, options on the command line
 * win, a password in the file is refused, and a password file others can read is refused.
 */
class HostProfilesCliTest {
    private static final String VM = "web-frontend-01";
    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        Path file = dir.resolve("xdg/hyperv-wsman/config.yaml");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }

    private Map<String, String> env() {
        return Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    }

    @Test
    void hostNamePicksTheProfileEndpointAuthUserCaFileAndPasswordFile() throws IOException {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default", "server")) {
            Files.createDirectories(dir.resolve("xdg/hyperv-wsman"));
            PrivateFile.write(dir.resolve("xdg/hyperv-wsman/hv01.password"), SimulatedHostFixture.PASSWORD + "\n");
            config("""
                    # the lab's replica server
                    hosts:
                      hv01:
                        endpoint: %s
                        auth: ntlm
                        user: 'LAB\\operator'
                        ca-file: %s
                        password-file: hv01.password
                    """.formatted(f.sim.endpoint(), SimulatedHostFixture.testCa()));
            CliRun r = CliRun.exactly(env(), "revert-failover", "--host", "hv01", "--vm", VM, "--dry-run",
                    "--output", "json");
            assertEquals(0, r.exitCode(), r::describe);
            assertEquals("planned", r.json().get("outcome").asText());
            assertEquals("hv01", r.json().get("host").asText());

            // the command line wins over the profile: a wrong user given there is refused by the host
            CliRun overridden = CliRun.exactly(env(), "vms", "--host", "hv01", "--user", "LAB\\nobody");
            assertEquals(3, overridden.exitCode(), overridden::describe);
        }
    }

    @Test
    void aPasswordInTheConfigFileIsRefused() throws IOException {
        config("""
                hosts:
                  hv01:
                    endpoint: hv01.lab.example
                    user: 'LAB\\operator'
                    password: Hunter2-Secret
                """);
        CliRun r = CliRun.exactly(env(), "vms", "--host", "hv01");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.err().contains("hosts.hv01.password: a password is never kept in the config file"), r.err());
        assertTrue(r.err().contains("hint: name a file readable only by you with password-file:"), r.err());
        assertFalse(r.err().contains("Hunter2-Secret"));
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() throws IOException {
        config("""
                hosts:
                  hv01:
                    endpoint: hv01.lab.example
                    realms: LAB.EXAMPLE
                """);
        CliRun r = CliRun.exactly(env(), "vms", "--host", "hv01");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.err().contains("hosts.hv01: unknown key realms"), r.err());
        assertTrue(r.err().contains("hint: a host takes endpoint, https, auth, user, ca-file"), r.err());
    }

    @Test
    void aPasswordFileOthersCanReadIsRefused() throws IOException {
        Path pw = Files.writeString(dir.resolve("pw"), "Pa55word\n");
        Files.setPosixFilePermissions(pw, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        CliRun r = CliRun.exactly("vms", "--host", "hv01.lab.example", "--user", "LAB\\operator", "--password-file",
                pw.toString());
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.err().contains("can be used by other accounts (rw-r--r--)"), r.err());
        assertTrue(r.err().contains("hint: make it yours alone: chmod 600 " + pw), r.err());
    }

    @Test
    void theProfilesApiReadsTheXdgLocation() throws IOException {
        config("""
                hosts:
                  hv01: { endpoint: hv01.lab.example, https: true, auth: kerberos, realm: LAB.EXAMPLE, kdc: kdc1 }
                  hv02: { endpoint: 'https://hv02.lab.example:5986/wsman' }
                """);
        HostProfiles profiles = HostProfiles.load(env());
        assertEquals(java.util.List.of("hv01", "hv02"), profiles.names());
        HostProfile hv01 = profiles.find("hv01").orElseThrow();
        assertEquals(Boolean.TRUE, hv01.https());
        assertEquals("kdc1", hv01.kdc());
        assertEquals(Path.of("/home/op/.config/hyperv-wsman/config.yaml"),
                HostProfiles.location(Map.of("HOME", "/home/op")));
    }
}
