"""pywinrm (Debian python3-winrm; NTLM, message_encryption='always') sending one envelope in a loop.

Usage: pywinrm_load.py ENDPOINT USERNAME ENVELOPE.xml START_AT END_AT MAX_REQUESTS
The password comes from PYWINRM_PASSWORD. The first exchange (handshake) happens before START_AT (a Unix
time); requests are then counted until END_AT or MAX_REQUESTS. Each request gets a fresh MessageID.
Prints: result REQUESTS WALL_SECONDS CPU_SECONDS START_LAG_SECONDS
"""
import os
import re
import sys
import time
import uuid

from winrm.protocol import Protocol


def main(argv):
    endpoint, username, path = argv[0], argv[1], argv[2]
    start_at, end_at, max_requests = float(argv[3]), float(argv[4]), int(argv[5])
    with open(path, encoding="utf-8") as f:
        template = f.read()
    old_id = re.search(r"MessageID[^>]*>([^<]+)<", template).group(1)
    protocol = Protocol(endpoint, transport="ntlm", username=username, password=os.environ["PYWINRM_PASSWORD"],
                        message_encryption="always", server_cert_validation="ignore")

    def send():
        protocol.send_message(template.replace(old_id, "uuid:" + str(uuid.uuid4()).upper()))

    send()
    send()
    lag = time.time() - start_at
    while time.time() < start_at:
        time.sleep(0.0005)
    t0, c0, n = time.perf_counter(), time.process_time(), 0
    while n < max_requests and time.time() < end_at:
        send()
        n += 1
    print("result", n, time.perf_counter() - t0, time.process_time() - c0, lag, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
