"""Get, Enumerate + Pull and Invoke with pywinrm's own envelope builder, for request and reply sizes (issue 16).

Usage: pywinrm_operations.py ENDPOINT USERNAME VM_ID SERVICE_SELECTORS
  SERVICE_SELECTORS: the Msvm_ReplicationService keys as NAME=VALUE,NAME=VALUE (the host's own, as enumerated)
The password comes from PYWINRM_PASSWORD. NTLM with message_encryption='always'. pywinrm has no WS-Transfer or
WS-Enumeration API: its operations (open_shell, run_command, ...) build the envelope with
Protocol._get_soap_header (all ten namespace declarations, Locale and DataLocale) plus a body dict unparsed by
xmltodict, and so does this script, with the same bodies hyperv-wsman sends (WQL filter not optimized, Pull of up to
100, RevertFailover with a Msvm_ComputerSystem reference). Run under a logging proxy (src/bench ExchangeBytes),
which counts the bytes on the wire.
"""
import os
import sys
import xml.etree.ElementTree as ET

import xmltodict
from winrm.protocol import Protocol

V2 = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/virtualization/v2/"
TRANSFER_GET = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get"
ENUMERATE = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate"
PULL = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull"
ENUMERATION_NS = "http://schemas.xmlsoap.org/ws/2004/09/enumeration"
WQL = "http://schemas.microsoft.com/wbem/wsman/1/WQL"
ANONYMOUS = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"


def envelope(protocol, action, resource, selectors=(), body=None):
    """pywinrm's header for ACTION on RESOURCE, the SelectorSet as pywinrm writes its ShellId one, and BODY."""
    message = {"env:Envelope": protocol._get_soap_header(action=action, resource_uri=resource)}
    if selectors:
        message["env:Envelope"]["env:Header"]["w:SelectorSet"] = {
            "w:Selector": [{"@Name": name, "#text": value} for name, value in selectors]}
    message["env:Envelope"]["env:Body"] = body or {}
    return xmltodict.unparse(message)


def main(argv):
    endpoint, username, vm_id, service = argv
    service_keys = [tuple(kv.split("=", 1)) for kv in service.split(",")]
    protocol = Protocol(endpoint, transport="ntlm", username=username, password=os.environ["PYWINRM_PASSWORD"],
                        message_encryption="always", server_cert_validation="ignore")
    vm_class = V2 + "Msvm_ComputerSystem"
    vm_keys = [("CreationClassName", "Msvm_ComputerSystem"), ("Name", vm_id)]

    protocol.send_message(envelope(protocol, TRANSFER_GET, vm_class, vm_keys))

    query = "SELECT * FROM Msvm_ComputerSystem WHERE Caption = 'Virtual Machine'"
    reply = protocol.send_message(envelope(protocol, ENUMERATE, vm_class, body={"n:Enumerate": {
        "w:Filter": {"@Dialect": WQL, "#text": query}}}))
    context = ET.fromstring(reply).find(".//{%s}EnumerationContext" % ENUMERATION_NS).text
    protocol.send_message(envelope(protocol, PULL, vm_class, body={"n:Pull": {
        "n:EnumerationContext": context, "n:MaxElements": "100"}}))

    service_class = V2 + "Msvm_ReplicationService"
    reference = {"a:Address": ANONYMOUS, "a:ReferenceParameters": {
        "w:ResourceURI": vm_class,
        "w:SelectorSet": {"w:Selector": [{"@Name": n, "#text": v} for n, v in vm_keys]}}}
    reply = protocol.send_message(envelope(protocol, service_class + "/RevertFailover", service_class, service_keys,
                                           body={"p:RevertFailover_INPUT": {"@xmlns:p": service_class,
                                                                            "p:ComputerSystem": reference}}))
    print(ET.fromstring(reply).find(".//{%s}ReturnValue" % service_class).text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
