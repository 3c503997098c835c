"""One-shot CLI commands side by side with pywinrm, in one run (issue 16). Stdlib only; needs hyperfine,
/usr/bin/time, Debian's python3-winrm and target/hyperv-wsman.jar (mvn -B -q -DskipTests package).

Usage (from the project directory): python3 src/bench/oneshot.py [--runs N] [--java25 PATH] [--only vms]
Starts `hyperv-wsman simulate` (NTLM + message encryption) on a free loopback port, then for each command
(vms; replication status --vm; revert-failover --dry-run) times every start-up variant (the distribution's
bin/hyperv-wsman too, unpacked from target/hyperv-wsman-VERSION.tar.gz into target/dist) and the pywinrm script
src/bench/python/pywinrm_oneshot.py (the same WQL queries) with hyperfine, measures peak RSS with /usr/bin/time,
and writes target/oneshot/<command>.md (hyperfine's --export-markdown), <command>.json and summary.md (ratios).
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time

USER = "LAB\\operator"
PASSWORD = "bench-Secret-1"
JAR = "target/hyperv-wsman.jar"
JSA = "target/hyperv-wsman.jsa"
AOT = "target/hyperv-wsman.aot"
OUT = "target/oneshot"
LAUNCHER = "target/dist/bin/hyperv-wsman"
OPENSSL_CONF = "src/test/resources/interop/openssl-legacy.cnf"  # MD4 for ntlm-auth (see that file)
# The flags the README's main command and bin/hyperv-wsman add to whichever archive they use.
LEAN = ["-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=5", "-XX:+UseSerialGC", "-XX:-UsePerfData"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_host(java):
    port = free_port()
    host = subprocess.Popen([java, "-jar", JAR, "simulate", "--user", USER, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = host.stdout.readline()
    if "listening on" not in line:
        host.kill()
        sys.exit("simulate did not start: " + line)
    return host, "http://127.0.0.1:%d/wsman" % port


def java_home(java):
    return os.path.dirname(os.path.dirname(os.path.realpath(shutil.which(java) or java)))


def variants(java17, java25, jsa17):
    v = [("java -jar (JDK 17)", [java17]),
         ("JDK 17 AppCDS + lean flags (README, Maven on JDK 17)", [java17, "-XX:SharedArchiveFile=" + jsa17] + LEAN)]
    if java25:
        # Maven on JDK 25+ makes target/hyperv-wsman.jsa that JDK's AOT cache (pom.xml, aot-cache-of-this-jdk): the
        # README's command then maps it through -XX:SharedArchiveFile, as this row does; -XX:AOTCache also applies
        # the cache's method profiles (BENCHMARKS.md, "The AOT cache from the JDK that runs Maven")
        v += [("java -jar (JDK 25)", [java25]),
              ("JDK 25 AOT cache + lean flags (README, Maven on JDK 25)",
               [java25, "-XX:SharedArchiveFile=" + AOT] + LEAN),
              ("JDK 25 AOT cache via -XX:AOTCache + lean flags", [java25, "-XX:AOTCache=" + AOT] + LEAN)]
    if os.path.exists(LAUNCHER):
        v.append(("bin/hyperv-wsman, JDK 17 (archive in user cache)", ["env", "JAVA_HOME=" + java_home(java17),
                                                                        LAUNCHER]))
        if java25:
            v.append(("bin/hyperv-wsman, JDK 25 (AOT cache)", ["env", "JAVA_HOME=" + java_home(java25), LAUNCHER]))
    return v


def static_archive_17(java17):
    """target/hyperv-wsman.jsa when Maven ran on JDK 17-24; after Maven on JDK 25+ (that file is then the AOT
    cache) a static archive made as the pom makes it, by java17, into target/oneshot."""
    if not os.path.exists(AOT + ".jvm"):
        return JSA
    jsa, classes = OUT + "/hyperv-wsman-17.jsa", OUT + "/hyperv-wsman-17.classlist"
    subprocess.run([java17, "-XX:DumpLoadedClassList=" + classes, "-cp", JAR, "io.hypervwsman.cli.StartupTraining"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run([java17, "-Xshare:dump", "-XX:SharedClassListFile=" + classes, "-XX:SharedArchiveFile=" + jsa,
                    "-cp", JAR], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return jsa


def unpack_distribution(java25):
    """target/hyperv-wsman-VERSION.tar.gz, as an operator installs it, into target/dist (bin/hyperv-wsman); when
    Maven ran on JDK 17-24 the archive has no AOT cache, so the one made here goes into lib/ with the release lines
    of the JDK that made it (what the aot-cache profiles write), else the JDK 25 launcher row would time a static
    archive."""
    archives = [f for f in os.listdir("target") if re.match(r"hyperv-wsman-.*\.tar\.gz$", f)]
    if archives:
        shutil.rmtree("target/dist", ignore_errors=True)
        os.makedirs("target/dist")
        subprocess.run(["tar", "xzf", "target/" + archives[0], "-C", "target/dist", "--strip-components=1"],
                       check=True)
        if java25 and not os.path.exists("target/dist/lib/hyperv-wsman.aot"):
            shutil.copy(AOT, "target/dist/lib/hyperv-wsman.aot")
            with open(os.path.join(java_home(java25), "release")) as release, \
                    open("target/dist/lib/hyperv-wsman.aot.jvm", "w") as jvm:
                jvm.writelines(l for l in release if re.match(r"(JAVA_RUNTIME_VERSION|IMPLEMENTOR)=", l))


def quote(args):
    return " ".join("'" + a + "'" if re.search(r"[\\\s]", a) else a for a in args)


def rss_mb(cmd, env, n=5):
    peaks = []
    for _ in range(n):
        r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, env=env, capture_output=True, text=True)
        peaks.append(int(r.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(peaks)


def failure_output(cmd, env, tries=20):
    """The exit code and stderr of the first of up to `tries` runs of cmd that exits non-zero (hyperfine keeps none)."""
    for _ in range(tries):
        r = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if r.returncode != 0:
            return "A rerun exited %d with stderr: `%s`" % (r.returncode, " / ".join(r.stderr.strip().splitlines()))
    return "%d reruns all exited 0." % tries


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--java17", default="java")
    ap.add_argument("--java25", default="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
    ap.add_argument("--only", default=None)
    a = ap.parse_args()
    java25 = a.java25 if os.path.exists(a.java25) else None
    os.makedirs(OUT, exist_ok=True)
    if java25 and not os.path.exists(AOT):
        # What the package-time `aot-cache` profile does (pom.xml): one training run (StartupTraining).
        subprocess.run([java25, "-XX:AOTCacheOutput=" + AOT, "-cp", JAR, "io.hypervwsman.cli.StartupTraining"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    jsa17 = static_archive_17(a.java17)
    unpack_distribution(java25)
    # the launcher's user-cache archive: made by the first (warm-up) run of each command, used by the timed runs
    shutil.rmtree(OUT + "/cache", ignore_errors=True)
    env = dict(os.environ, HYPERV_WSMAN_PASSWORD=PASSWORD, PYWINRM_PASSWORD=PASSWORD,
               OPENSSL_CONF=os.path.abspath(OPENSSL_CONF), XDG_CACHE_HOME=os.path.abspath(OUT + "/cache"))
    os.environ.update(env)
    host, endpoint = start_host(a.java17)
    conn = ["--host", endpoint, "--auth", "ntlm", "--user", USER]
    py = ["/usr/bin/python3", "src/bench/python/pywinrm_oneshot.py", endpoint, USER]
    commands = [("vms", ["vms"], ["vms"]),
                ("replication-status", ["replication", "status", "--vm", "web-frontend-01"],
                 ["replication-status", "web-frontend-01"]),
                ("revert-dry-run", ["revert-failover", "--vm", "web-frontend-01", "--dry-run"],
                 ["revert-dry-run", "web-frontend-01"])]
    summary = ["Started %s UTC; load average %s; %d runs each after 2 warm-up runs." % (
        time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()), " ".join(open("/proc/loadavg").read().split()[:3]),
        a.runs), ""]
    try:
        for name, ours, theirs in commands:
            if a.only and name != a.only:
                continue
            runs = [(label, jvm + (["-jar", JAR] if LAUNCHER not in jvm else []) + ours + conn)
                    for label, jvm in variants(a.java17, java25, jsa17)]
            runs.append(("pywinrm script", py + theirs))
            # -i: a run that exits non-zero is counted (and its stderr caught below) instead of stopping the variant
            cmdline = ["hyperfine", "-N", "-i", "--warmup", "2", "--runs", str(a.runs), "--style", "basic",
                       "--export-markdown", "%s/%s.md" % (OUT, name), "--export-json", "%s/%s.json" % (OUT, name)]
            for label, cmd in runs:
                cmdline += ["-n", label, quote(cmd)]
            if subprocess.run(cmdline, stdout=subprocess.DEVNULL).returncode != 0:
                summary += ["### `%s`: FAILED (hyperfine failed; see its message)" % " ".join(ours), ""]
                continue
            results = {r["command"]: r for r in json.load(open("%s/%s.json" % (OUT, name)))["results"]}
            rss = {label: rss_mb(cmd, env) for label, cmd in runs}
            base = results["pywinrm script"]
            bwall, bcpu = statistics.median(base["times"]), base["user"] + base["system"]
            summary += ["### `%s`" % " ".join(ours), "",
                        "| variant | wall median s | CPU (user+sys) mean s | peak RSS median MB | wall ÷ pywinrm"
                        " | CPU ÷ pywinrm | RSS ÷ pywinrm |", "|---|---|---|---|---|---|---|"]
            failed = []
            for label, cmd in runs:
                r = results[label]
                wall, cpu = statistics.median(r["times"]), r["user"] + r["system"]
                summary.append("| %s | %.3f | %.3f | %.0f | %.2f | %.2f | %.2f |" % (
                    label, wall, cpu, rss[label], wall / bwall, cpu / bcpu, rss[label] / rss["pywinrm script"]))
                bad = [c for c in r.get("exit_codes", []) if c != 0]
                if bad:
                    failed.append((label, cmd, bad))
            summary.append("")
            for label, cmd, bad in failed:
                summary += ["**%s: %d of %d timed runs exited non-zero (%s).** %s" % (
                    label, len(bad), len(results[label]["times"]), ", ".join(map(str, sorted(set(bad)))),
                    failure_output(cmd, env)), ""]
    finally:
        host.terminate()
        host.wait()
        summary.append("Load average at the end: %s." % " ".join(open("/proc/loadavg").read().split()[:3]))
        with open(OUT + "/summary.md", "w") as f:
            f.write("\n".join(summary) + "\n")
        print("\n".join(summary))


if __name__ == "__main__":
    if not shutil.which("hyperfine"):
        sys.exit("hyperfine is not installed")
    main()
