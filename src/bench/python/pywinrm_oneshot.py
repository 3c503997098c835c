"""What an operator's pywinrm script does for one CLI command: the same WQL enumerations, one process per command.

Usage: pywinrm_oneshot.py ENDPOINT USERNAME vms
       pywinrm_oneshot.py ENDPOINT USERNAME replication-status VM_NAME
       pywinrm_oneshot.py ENDPOINT USERNAME revert-dry-run VM_NAME
The password comes from PYWINRM_PASSWORD. NTLM with message_encryption='always', as hyperv-wsman speaks it.
Each command sends exactly the queries `hyperv-wsman vms`, `replication status --vm` and
`revert-failover --dry-run` send (optimized WQL Enumerate, items in the first reply), and prints one line per item.
"""
import os
import sys
import uuid
import xml.etree.ElementTree as ET

from winrm.protocol import Protocol

NS = {"s": "http://www.w3.org/2003/05/soap-envelope", "n": "http://schemas.xmlsoap.org/ws/2004/09/enumeration",
      "w": "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"}
ENUMERATE = """<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" \
xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:n="http://schemas.xmlsoap.org/ws/2004/09/enumeration" \
xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"><s:Header><a:To>{to}</a:To>\
<w:ResourceURI s:mustUnderstand="true">http://schemas.microsoft.com/wbem/wsman/1/wmi/root/virtualization/v2/*</w:ResourceURI>\
<a:ReplyTo><a:Address s:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address>\
</a:ReplyTo><a:Action s:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate</a:Action>\
<w:MaxEnvelopeSize s:mustUnderstand="true">512000</w:MaxEnvelopeSize><a:MessageID>uuid:{id}</a:MessageID>\
<w:OperationTimeout>PT60.000S</w:OperationTimeout></s:Header><s:Body><n:Enumerate><w:OptimizeEnumeration/>\
<w:MaxElements>100</w:MaxElements><w:Filter Dialect="http://schemas.microsoft.com/wbem/wsman/1/WQL">{wql}</w:Filter>\
</n:Enumerate></s:Body></s:Envelope>"""
VM = "SELECT * FROM Msvm_ComputerSystem WHERE Caption = 'Virtual Machine'"
ASSOC = ("ASSOCIATORS OF {{Msvm_ComputerSystem.CreationClassName='Msvm_ComputerSystem',Name='{0}'}} "
         "WHERE ResultClass = {1}")


def wql(protocol, endpoint, query):
    """One optimized Enumerate; returns the items as {local property name: text}."""
    text = query.replace("&", "&amp;").replace("<", "&lt;")
    reply = ET.fromstring(protocol.send_message(ENUMERATE.format(to=endpoint, id=str(uuid.uuid4()).upper(), wql=text)))
    response = reply.find("s:Body/n:EnumerateResponse", NS)
    if response.find("w:EndOfSequence", NS) is None:
        raise RuntimeError("more items than one reply holds: not expected here")
    return [{p.tag.split("}")[1]: p.text for p in item} for item in response.find("w:Items", NS)]


def main(argv):
    endpoint, username, command = argv[0], argv[1], argv[2]
    protocol = Protocol(endpoint, transport="ntlm", username=username, password=os.environ["PYWINRM_PASSWORD"],
                        message_encryption="always", server_cert_validation="ignore")
    if command == "vms":
        for vm in wql(protocol, endpoint, VM):
            print(vm["Name"], vm["ElementName"], vm["EnabledState"], vm["ReplicationMode"])
        return 0
    vm = wql(protocol, endpoint, VM + " AND ElementName = '" + argv[3].replace("'", "\\'") + "'")[0]
    relationships = wql(protocol, endpoint, ASSOC.format(vm["Name"], "Msvm_ReplicationRelationship"))
    if command == "replication-status":
        others = wql(protocol, endpoint, ASSOC.format(vm["Name"], "Msvm_ReplicationSettingData"))
    else:
        others = wql(protocol, endpoint, "SELECT * FROM Msvm_ReplicationService")
    print(vm["ElementName"], [r.get("ReplicationState") for r in relationships], len(others))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
