"""Request and reply sizes per WS-Man exchange, from the CLI's --verbose wire log (decrypted SOAP) on stdin.

Usage: java -jar target/hyperv-wsman.jar revert-failover --simulate --vm web-frontend-01 --verbose 2>&1 >/dev/null \
         | python3 src/bench/python/exchange_sizes.py
Prints one row per exchange: the operation (Action's last segment), request and reply bytes (UTF-8 plaintext;
multipart/encrypted adds a fixed ~260 bytes of framing and signature per message on the wire).
"""
import re
import sys

log = sys.stdin.read()
parts = re.findall(r"io\.hypervwsman\.wire - (request|reply[^:]*):\n(.*?)(?=\n\[|\Z)", log, re.S)
print("| exchange | request bytes | reply bytes |")
print("|---|---|---|")
request = None
for kind, xml in parts:
    if kind == "request":
        request = xml
        continue
    action = re.search(r"Action[^>]*>([^<]+)<", request).group(1).rsplit("/", 1)[-1]
    wql = re.search(r"Filter[^>]*>([^<]{0,40})", request)
    label = action + (" (" + wql.group(1).split(" WHERE")[0].split("{")[0].strip() + ")" if wql else "")
    print("| %s | %d | %d |" % (label, len(request.encode()), len(xml.encode())))
