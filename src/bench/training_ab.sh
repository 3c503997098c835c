#!/bin/sh
# A/B: archive trained on `vms --simulate` vs StartupTraining, same jar, same host, same window.
# Run from the project directory after `mvn -B -q -DskipTests package`; makes target/vms-only.jsa (the archive as it
# was trained before StartupTraining) from the same jar first.
HYPERV_WSMAN_PASSWORD= java -XX:ArchiveClassesAtExit=target/vms-only.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar target/hyperv-wsman.jar vms --simulate >/dev/null 2>&1
export HYPERV_WSMAN_PASSWORD=bench-Secret-1
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
java -jar target/hyperv-wsman.jar simulate --user 'LAB\operator' --port $port > target/ab-host.log 2>&1 &
hostpid=$!
while ! grep -q "listening on" target/ab-host.log; do sleep 0.2; done
C="--host http://127.0.0.1:$port/wsman --auth ntlm --user LAB\\operator"
J="java -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=5 -XX:+UseSerialGC -XX:-UsePerfData"
job=$(java -jar target/hyperv-wsman.jar revert-failover --vm web-frontend-02 --output json $C | python3 -c 'import json,sys; print(json.load(sys.stdin)["job"]["instanceId"])')
for cmd in "vms" "replication status --vm web-frontend-01" "revert-failover --vm web-frontend-01 --dry-run" "job wait --job $job" "replication check --vm web-frontend-01"; do
  hyperfine -N -i --warmup 1 --runs 8 --style none --export-json target/ab.json \
    -n before "$J -XX:SharedArchiveFile=target/vms-only.jsa -jar target/hyperv-wsman.jar $cmd $C" \
    -n after "$J -XX:SharedArchiveFile=target/hyperv-wsman.jsa -jar target/hyperv-wsman.jar $cmd $C" >/dev/null 2>&1
  python3 -c '
import json,sys,statistics
r={x["command"]:x for x in json.load(open("target/ab.json"))["results"]}
b,a=r["before"],r["after"]
print("| %s | %.3f | %.3f | %.3f | %.3f |"%(sys.argv[1],b["user"]+b["system"],a["user"]+a["system"],statistics.median(b["times"]),statistics.median(a["times"])))' "$cmd"
done
kill $hostpid
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
