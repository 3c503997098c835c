package io.hypervwsman.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's pywinrm as the reference client: N processes (one connection each, as pywinrm keeps one session
 * per Protocol), all authenticated first, then counting exchanges in the same wall-clock window. Run as the
 * interop tests run it: /usr/bin/python3, proxies cleared, OpenSSL's legacy provider for MD4.
 */
final class PywinrmLoad {
    static final String PYTHON = "/usr/bin/python3";

    /** Summed over the processes. */
    record Result(long requests, double windowSeconds, double cpuSeconds, double maxStartLag) {
        double perSecond() {
            return requests / windowSeconds;
        }

        double cpuMicros() {
            return cpuSeconds * 1e6 / requests;
        }
    }

    private PywinrmLoad() {
    }

    /** Debian's python with a pywinrm script and its arguments, the environment set as the interop tests set it. */
    static ProcessBuilder python(String... scriptAndArguments) {
        List<String> command = new ArrayList<>();
        command.add(PYTHON);
        command.addAll(List.of(scriptAndArguments));
        ProcessBuilder b = new ProcessBuilder(command);
        Map<String, String> env = b.environment();
        for (String name : List.of("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                "ALL_PROXY", "PYTHONPATH", "PYTHONHOME")) {
            env.remove(name);
        }
        env.put("no_proxy", "127.0.0.1");
        env.put("NO_PROXY", "127.0.0.1");
        env.put("PYTHONNOUSERSITE", "1");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("OPENSSL_CONF", Path.of("src/test/resources/interop/openssl-legacy.cnf").toAbsolutePath().toString());
        env.put("PYWINRM_PASSWORD", BenchHosts.PASSWORD);
        return b;
    }

    static Result run(URI endpoint, Path envelope, int processes, Duration settle, Duration window, long maxRequests,
                      Path workDir) throws IOException, InterruptedException {
        Path script = Path.of("src/bench/python/pywinrm_load.py").toAbsolutePath();
        double startAt = System.currentTimeMillis() / 1000.0 + settle.toMillis() / 1000.0;
        double endAt = startAt + window.toMillis() / 1000.0;
        List<Process> running = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            Path out = workDir.resolve("pywinrm-" + i + ".out");
            Path err = workDir.resolve("pywinrm-" + i + ".err");
            ProcessBuilder b = python(script.toString(), endpoint.toString(), BenchHosts.USER,
                    envelope.toString(), Double.toString(startAt), Double.toString(endAt),
                    Long.toString(Math.max(1, maxRequests / processes)))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            running.add(b.start());
            outputs.add(out);
        }
        long requests = 0;
        double cpu = 0;
        double lag = -1e9;
        for (int i = 0; i < processes; i++) {
            Process p = running.get(i);
            if (!p.waitFor(settle.plus(window).toSeconds() + 60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("pywinrm process " + i + " did not finish");
            }
            String text = Files.readString(outputs.get(i), StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0 || !text.startsWith("result ")) {
                throw new IllegalStateException("pywinrm process " + i + " failed (exit " + p.exitValue() + "): "
                        + Files.readString(workDir.resolve("pywinrm-" + i + ".err")));
            }
            String[] f = text.split(" ");
            requests += Long.parseLong(f[1]);
            cpu += Double.parseDouble(f[3]);
            lag = Math.max(lag, Double.parseDouble(f[4]));
        }
        return new Result(requests, window.toMillis() / 1000.0, cpu, lag);
    }
}
