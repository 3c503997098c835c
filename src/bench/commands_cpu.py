"""CPU, peak RSS and wall of the commands operators run most, one process each, against one running simulated host
(issue 16: what the start-up archive's training covers). Stdlib only; needs hyperfine and /usr/bin/time.

Usage (from the project directory): python3 src/bench/commands_cpu.py LABEL [--runs N] [--launcher DIR] [JVM ARGS...]
  JVM ARGS: the java command and its options before -jar, e.g. java -XX:SharedArchiveFile=target/hyperv-wsman.jsa
  --launcher DIR: run DIR/bin/hyperv-wsman instead (an unpacked distribution).
Appends one table to target/commands-cpu.md: per command, hyperfine's wall median and CPU mean (user+sys), and the
median peak RSS of 3 runs under /usr/bin/time.
"""
import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time

USER = "LAB\\operator"
PASSWORD = "bench-Secret-1"
JAR = "target/hyperv-wsman.jar"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("label")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--launcher")
    ap.add_argument("jvm", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    base = [a.launcher + "/bin/hyperv-wsman"] if a.launcher else a.jvm + ["-jar", JAR]
    env = dict(os.environ, HYPERV_WSMAN_PASSWORD=PASSWORD)
    port = free_port()
    host = subprocess.Popen(["java", "-jar", JAR, "simulate", "--user", USER, "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if "listening on" not in host.stdout.readline():
        host.kill()
        sys.exit("simulate did not start")
    conn = ["--host", "http://127.0.0.1:%d/wsman" % port, "--auth", "ntlm", "--user", USER]
    try:
        # a finished job for `job wait`: revert one VM once (the other commands use another VM)
        r = subprocess.run(["java", "-jar", JAR, "revert-failover", "--vm", "web-frontend-02", "--output", "json"] + conn,
                           env=env, capture_output=True, text=True)
        job = json.loads(r.stdout).get("job", {}).get("instanceId") if r.stdout.startswith("{") else None
        commands = [("vms", ["vms"]),
                    ("replication status", ["replication", "status", "--vm", "web-frontend-01"]),
                    ("revert-failover --dry-run", ["revert-failover", "--vm", "web-frontend-01", "--dry-run"]),
                    ("job wait", ["job", "wait", "--job", job or "Microsoft:unknown"]),
                    ("replication check", ["replication", "check", "--vm", "web-frontend-01"])]
        rows = ["### %s (%s UTC, load %s)" % (a.label, time.strftime("%H:%M"),
                                             " ".join(open("/proc/loadavg").read().split()[:3])),
                "`%s`%s" % (" ".join(base), "" if job else " (job wait: no job id from the revert: unknown job)"), "",
                "| command | CPU (user+sys) mean s | peak RSS median MB | wall median s |", "|---|---|---|---|"]
        for name, args in commands:
            cmd = base + args + conn
            subprocess.run(["hyperfine", "-N", "-i", "--warmup", "1", "--runs", str(a.runs), "--style", "none",
                            "--export-json", "target/commands-cpu.json", " ".join("'%s'" % c for c in cmd)],
                           env=env, check=True, stdout=subprocess.DEVNULL)
            res = json.load(open("target/commands-cpu.json"))["results"][0]
            rss = []
            for _ in range(3):
                t = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, env=env, capture_output=True, text=True)
                rss.append(int(t.stderr.strip().splitlines()[-1]) / 1024)
            rows.append("| %s | %.3f | %.0f | %.3f |" % (name, res["user"] + res["system"], statistics.median(rss),
                                                         statistics.median(res["times"])))
    finally:
        host.terminate()
        host.wait()
    with open("target/commands-cpu.md", "a") as f:
        f.write("\n".join(rows) + "\n\n")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
