package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command, succeeding and failing, in text and JSON, with --verbose and DEBUG logging, in a JVM of its own
 * (so logging is set up as the real CLI sets it up): stdout and stderr never hold the password, its NT hash, an
 * NTLM session key, or an Authorization / WWW-Authenticate token.
 */
class SecretsNeverPrintedTest {
    /** Base64 of "NTLMSSP\0", the start of every NTLM message in a Negotiate header. */
    private static final Pattern NTLM_TOKEN = Pattern.compile("TlRMTVNTUA");
    private static final Pattern NEGOTIATE_TOKEN = Pattern.compile("(?i)(Negotiate|Basic)\\s+[A-Za-z0-9+/=]{12,}");

    @TempDir
    Path dir;

    @Test
    void noRunPrintsOrLogsASecret() throws Exception {
        Path keys = dir.resolve("session-keys");
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SecretScanDriver.class.getName(), keys.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).directory(new File(".")).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the driver finished");
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);

        // The scan means something only if the runs happened and DEBUG showed the decrypted exchange.
        assertEquals(42, err.lines().filter(l -> l.startsWith("=== exit ")).count(), "21 commands, text and JSON");
        assertTrue(err.contains("DEBUG io.hypervwsman.wire - request:") && err.contains("<a:Action"),
                "DEBUG shows the decrypted exchange");
        assertTrue(err.contains("=== exit 0") && err.contains("=== exit 1") && err.contains("=== exit 3")
                && err.contains("=== exit 5"), "successes and failures");
        assertTrue(out.contains("\"outcome\":\"succeeded\"") && out.contains("succeeded: "), "text and JSON");
        List<String> sessionKeys = Files.readAllLines(keys);
        assertTrue(sessionKeys.size() >= 10, "session keys collected: " + sessionKeys.size());

        List<String> secrets = new ArrayList<>(List.of(SimulatedHostFixture.PASSWORD, SecretScanDriver.WRONG_PASSWORD));
        for (String password : List.of(SimulatedHostFixture.PASSWORD, SecretScanDriver.WRONG_PASSWORD)) {
            secrets.add(ntHash(password));
        }
        secrets.addAll(sessionKeys);
        String all = out + "\n" + err;
        String lower = all.toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            assertFalse(lower.contains(secret.toLowerCase(Locale.ROOT)), "a secret was printed: " + secret.charAt(0)
                    + "…");
        }
        assertFalse(NTLM_TOKEN.matcher(all).find(), "an NTLM token was printed");
        assertFalse(NEGOTIATE_TOKEN.matcher(all).find(), "an Authorization value was printed");
    }

    /** MD4 of the UTF-16LE password (MS-NLMP 3.3.1 NTOWFv1), as hex. */
    private static String ntHash(String password) {
        byte[] utf16 = password.getBytes(StandardCharsets.UTF_16LE);
        MD4Digest md4 = new MD4Digest();
        md4.update(utf16, 0, utf16.length);
        byte[] hash = new byte[16];
        md4.doFinal(hash, 0);
        return HexFormat.of().formatHex(hash);
    }
}
