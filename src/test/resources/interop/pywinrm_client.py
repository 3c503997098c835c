"""A WS-Man client built on pywinrm (NTLM, message_encryption='always'), for the interop tests.

Usage: pywinrm_client.py ENDPOINT USERNAME get REQUEST.xml
       pywinrm_client.py ENDPOINT USERNAME enumerate ENUMERATE.xml PULL.xml

The password comes from the environment variable PYWINRM_PASSWORD, never from the command line.
Each request template gets a fresh MessageID and the endpoint as its a:To; a Pull template also gets
the EnumerationContext of the previous reply, and Pulls go on until n:EndOfSequence.

For each exchange one line goes to stdout: "exchange <MessageID> <reply, base64 of UTF-8>".
Exit status: 0 on success, 3 when the server refused the credentials, 1 on any other error.
"""
import base64
import os
import re
import sys
import uuid
import xml.etree.ElementTree as ET

from winrm.exceptions import InvalidCredentialsError
from winrm.protocol import Protocol

NS = {
    "s": "http://www.w3.org/2003/05/soap-envelope",
    "a": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
    "n": "http://schemas.xmlsoap.org/ws/2004/09/enumeration",
}
MAX_PULLS = 100


def prepare(template, endpoint, context=None):
    message_id = "uuid:" + str(uuid.uuid4()).upper()
    xml = re.sub(r"<a:MessageID>[^<]*</a:MessageID>", "<a:MessageID>" + message_id + "</a:MessageID>", template, count=1)
    xml = re.sub(r"<a:To>[^<]*</a:To>", "<a:To>" + endpoint + "</a:To>", xml, count=1)
    if context is not None:
        xml = re.sub(r"<n:EnumerationContext>[^<]*</n:EnumerationContext>",
                     "<n:EnumerationContext>" + context + "</n:EnumerationContext>", xml, count=1)
    return message_id, xml


def exchange(protocol, endpoint, template, context=None):
    message_id, xml = prepare(template, endpoint, context)
    reply = protocol.send_message(xml)
    if isinstance(reply, str):
        reply = reply.encode("utf-8")
    print("exchange", message_id, base64.b64encode(reply).decode("ascii"), flush=True)
    return ET.fromstring(reply)


def enumerate_all(protocol, endpoint, enumerate_template, pull_template):
    reply = exchange(protocol, endpoint, enumerate_template)
    context = reply.findtext("s:Body/n:EnumerateResponse/n:EnumerationContext", namespaces=NS)
    for _ in range(MAX_PULLS):
        if not context:
            return
        reply = exchange(protocol, endpoint, pull_template, context)
        pull = reply.find("s:Body/n:PullResponse", NS)
        if pull is None or pull.find("n:EndOfSequence", NS) is not None:
            return
        context = pull.findtext("n:EnumerationContext", namespaces=NS)
    raise RuntimeError("no n:EndOfSequence after %d Pulls" % MAX_PULLS)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def main(argv):
    if len(argv) < 4 or argv[2] not in ("get", "enumerate"):
        print(__doc__, file=sys.stderr)
        return 2
    endpoint, username, operation = argv[0], argv[1], argv[2]
    protocol = Protocol(endpoint, transport="ntlm", username=username, password=os.environ["PYWINRM_PASSWORD"],
                        message_encryption="always", server_cert_validation="ignore")
    try:
        if operation == "get":
            exchange(protocol, endpoint, read(argv[3]))
        else:
            enumerate_all(protocol, endpoint, read(argv[3]), read(argv[4]))
    except InvalidCredentialsError as e:
        print("InvalidCredentialsError:", e, file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
