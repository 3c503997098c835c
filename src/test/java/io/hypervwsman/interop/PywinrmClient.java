package io.hypervwsman.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's pywinrm ({@code python3-winrm}, NTLM through requests-ntlm and ntlm-auth) run as a WS-Man client
 * in a subprocess with message_encryption='always': a client we did not write, for interop tests.
 */
final class PywinrmClient {
    /**
     * Debian's interpreter: the {@code python3} on PATH may be another one without Debian's packages. The system
     * property {@code pywinrm.python} names another (e.g. to show that a missing pywinrm fails the interop profile).
     */
    static final String PYTHON = System.getProperty("pywinrm.python", "/usr/bin/python3");
    /** The script's exit status when the server refused the credentials (pywinrm's InvalidCredentialsError). */
    static final int EXIT_CREDENTIALS_REFUSED = 3;

    private static final long TIMEOUT_SECONDS = 60;
    private static final String NOT_INSTALLED = "pywinrm is not usable by " + PYTHON + ": this interop test needs "
            + "Debian's python3-winrm. Run .ci/run (it installs it), or: apt-get install python3-winrm";

    private final Path workDir;
    private final Path script;
    private final Path opensslConf;

    /** Copies the client script and its OpenSSL configuration into {@code workDir}. */
    PywinrmClient(Path workDir) {
        this.workDir = workDir;
        this.script = copyResource("pywinrm_client.py");
        this.opensslConf = copyResource("openssl-legacy.cnf");
    }

    /**
     * Fails (never skips) when Debian's interpreter cannot import pywinrm and its NTLM stack, or cannot
     * compute MD4 with the subprocess's OpenSSL configuration.
     */
    void requireInstalled() {
        Run run = start(null, List.of("-c", "import hashlib, winrm, requests_ntlm, ntlm_auth; hashlib.new('md4')"));
        if (run.exitCode() != 0) {
            fail(NOT_INSTALLED + "\n" + run.stderr());
        }
    }

    /** Sends one request template (a reference envelope from test-fixtures/wsman/requests). */
    Run get(URI endpoint, String user, String password, Path request) {
        return start(password, List.of(script.toString(), endpoint.toString(), user, "get", request.toString()));
    }

    /** Sends an Enumerate, then Pulls with each returned context until n:EndOfSequence, all on one session. */
    Run enumerate(URI endpoint, String user, String password, Path enumerate, Path pull) {
        return start(password, List.of(script.toString(), endpoint.toString(), user, "enumerate",
                enumerate.toString(), pull.toString()));
    }

    private Run start(String password, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(PYTHON);
        command.addAll(args);
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        prepareEnvironment(builder.environment(), password);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fail(NOT_INSTALLED + "\n" + e);
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return fail("pywinrm client did not finish within " + TIMEOUT_SECONDS + " s; stderr:\n" + read(err));
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for the pywinrm client");
        }
        String stdout = read(out);
        return new Run(process.exitValue(), exchanges(stdout), stdout, read(err));
    }

    private void prepareEnvironment(Map<String, String> env, String password) {
        // requests honours proxy variables (trust_env); the gateway is on 127.0.0.1 and must be reached directly.
        for (String name : List.of("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")) {
            env.remove(name);
        }
        env.put("no_proxy", "127.0.0.1");
        env.put("NO_PROXY", "127.0.0.1");
        // Debian's interpreter with Debian's packages only, whatever python environment the build runs in.
        env.remove("PYTHONPATH");
        env.remove("PYTHONHOME");
        env.put("PYTHONNOUSERSITE", "1");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("OPENSSL_CONF", opensslConf.toString());
        env.remove("PYWINRM_PASSWORD");
        if (password != null) {
            env.put("PYWINRM_PASSWORD", password);
        }
    }

    private static List<Exchange> exchanges(String stdout) {
        List<Exchange> found = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length == 3 && "exchange".equals(fields[0])) {
                found.add(new Exchange(fields[1], new String(Base64.getDecoder().decode(fields[2]), StandardCharsets.UTF_8)));
            }
        }
        return List.copyOf(found);
    }

    private Path copyResource(String name) {
        try (InputStream in = PywinrmClient.class.getResourceAsStream("/interop/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /interop/" + name + " missing");
            }
            Path target = workDir.resolve(name);
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One finished run of the client: its exit status, the exchanges it printed and its output. */
    record Run(int exitCode, List<Exchange> exchanges, String stdout, String stderr) {
        /** The run as text for assertion messages. */
        String describe() {
            return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    /** One request the client sent, by its MessageID, and the decrypted reply it printed. */
    record Exchange(String messageId, String reply) {
    }
}
