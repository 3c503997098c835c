"""Paired CPU of one-shot commands (issue 16): variants of our jar/archive/JVM flags and the pywinrm script, run
round-robin against one `simulate` host; CPU = the child's user+sys from wait4, first round dropped as warm-up.

Usage (from the project directory): python3 src/bench/oneshot_ab.py --host-jar JAR [--runs N] [--cmd vms|status|revert]
    LABEL=JAR:ARCHIVE[|FLAG,FLAG...[|JAVA]] ... [LABEL=launcher:SCRIPT[|JAVA_HOME]] [py=py]
Each JAR needs its own static archive made for it at that path (see BENCHMARKS.md, "Start-up levers"). ARCHIVE ending
in .aot is a JDK 25 AOT cache (-XX:AOTCache), "-" is none; JAVA (default: java on PATH) is the JVM of that variant.
launcher:SCRIPT is the distribution's bin/hyperv-wsman (e.g. target/dist, unpacked by oneshot.py) run with that
JAVA_HOME: its own CPU (the shell and what it runs before exec) counts, as it does for an operator.
"""
import os, sys, socket, subprocess, statistics, time, json
USER = "LAB\\operator"; PW = "bench-Secret-1"
# Every variant gets these; the collector and the rest come with the variant's flags.
LEAN = ["-XX:TieredStopAtLevel=1", "-XX:-UsePerfData"]
PYC = {"vms": ["vms"], "status": ["replication-status", "web-frontend-01"], "revert": ["revert-dry-run", "web-frontend-01"]}
OURS = {"vms": ["vms"], "status": ["replication", "status", "--vm", "web-frontend-01"], "revert": ["revert-failover", "--vm", "web-frontend-01", "--dry-run"]}
def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); return s.getsockname()[1]
def main():
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--cmd", default="vms")
    ap.add_argument("--host-jar", required=True)
    ap.add_argument("variant", nargs="+", help="label=jar:jsa")
    a = ap.parse_args()
    port = free_port(); os.environ["HYPERV_WSMAN_PASSWORD"] = PW
    host = subprocess.Popen(["java", "-jar", a.host_jar, "simulate", "--user", USER, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = host.stdout.readline()
    assert "listening on" in line, line
    ep = "http://127.0.0.1:%d/wsman" % port
    env = dict(os.environ, HYPERV_WSMAN_PASSWORD=PW, PYWINRM_PASSWORD=PW, OPENSSL_CONF=os.path.abspath("src/test/resources/interop/openssl-legacy.cnf"))
    cmds = {}
    envs = {}
    for v in a.variant:
        label, spec = v.split("=", 1)
        if spec == "py":
            cmds[label] = ["/usr/bin/python3", "src/bench/python/pywinrm_oneshot.py", ep, USER] + PYC[a.cmd]
        elif spec.startswith("launcher:"):
            script, _, java_home = spec[len("launcher:"):].partition("|")
            cmds[label] = [os.path.abspath(script)] + OURS[a.cmd] + ["--host", ep, "--auth", "ntlm", "--user", USER]
            if java_home:
                envs[label] = dict(env, JAVA_HOME=java_home)
        else:
            spec, _, flags = spec.partition("|")
            flags, _, java = flags.partition("|")
            jar, jsa = spec.split(":")
            extra = flags.split(",") if flags else []
            archive = [] if jsa == "-" else ["-XX:AOTCache=" + jsa] if jsa.endswith(".aot") else ["-XX:SharedArchiveFile=" + jsa, "-Xshare:auto"]
            cmds[label] = [java or "java"] + archive + LEAN + extra + ["-jar", jar] + OURS[a.cmd] + ["--host", ep, "--auth", "ntlm", "--user", USER]
    res = {k: [] for k in cmds}
    wall = {k: [] for k in cmds}
    rss = {k: [] for k in cmds}
    for r in range(a.runs + 1):
        for k, c in cmds.items():
            t0 = time.time()
            p = subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=envs.get(k, env))
            _, status, ru = os.wait4(p.pid, 0)
            t1 = time.time()
            err = p.stderr.read(); p.stderr.close()
            if status != 0:
                print("FAIL", k, status, err[-300:]); continue
            if r > 0:
                res[k].append(ru.ru_utime + ru.ru_stime)
                wall[k].append(t1 - t0)
                rss[k].append(ru.ru_maxrss / 1024)
    host.kill()
    base = res.get("py")
    for k, v in res.items():
        m = statistics.mean(v); md = statistics.median(v)
        extra = " ratio %.2f" % (m / statistics.mean(base)) if base else ""
        if not v: continue
        print("%-12s n=%d CPU mean %.3f median %.3f min %.3f%s, wall median %.3f, peak RSS median %.0f MB" % (k, len(v), m, md, min(v), extra, statistics.median(wall[k]), statistics.median(rss[k])))
    print("load", os.getloadavg())
main()
