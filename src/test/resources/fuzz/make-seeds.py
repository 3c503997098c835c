#!/usr/bin/env python3
"""Writes the Jazzer seed corpora (run from the repository root): fixture replies and golden vectors.

Jazzer runs every file in <TestClass>Inputs/<method>/ as a regression test in each build, and starts from
them when fuzzing. The first byte of a SOAP or multipart seed selects the operation / session security
(see the fuzz test classes).
"""
import pathlib, re, binascii

ROOT = pathlib.Path(".")
RES = ROOT / "src/test/resources/io/hypervwsman"
ID = "uuid:00000000-0000-0000-0000-00000000F00D"
TEMPLATE = re.compile(r"\{\{xPath request\.body [^}]*\}\}")

def out(cls, method, name, data):
    d = RES / cls / method
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)

def hexfile(name):
    text = (ROOT / "src/test/resources/encryption" / name).read_text()
    return binascii.unhexlify("".join(l.strip() for l in text.splitlines() if not l.startswith("#")))

# SOAP replies: selector byte (bit 0-1 operation: 0 Get, 1 Invoke, 2 Enumerate; bit 2: HTTP 500) + envelope.
soap = "wsman/SoapReplyParsingFuzzTestInputs/reply"
cases = {
    "get-computersystem/__files/get-computersystem-response.xml": 0,
    "invoke-revert/__files/invoke-revert-01-revertfailover-response.xml": 1,
    "invoke-revert/__files/invoke-revert-02-get-job-response.xml": 0,
    "enumerate-optimized/__files/enumerate-optimized-response.xml": 2,
    "enumerate-epr/__files/enumerate-epr-response.xml": 2,
    "enumerate-pull/__files/enumerate-pull-01-enumerate-response.xml": 2,
    "fault-access-denied/__files/fault-access-denied-response.xml": 4,
    "fault-provider-not-found/__files/fault-provider-not-found-response.xml": 4,
    "fault-quota/__files/fault-quota-response.xml": 5,
    "doctype/__files/doctype-response.xml": 0,
}
for path, selector in cases.items():
    xml = TEMPLATE.sub(ID, (ROOT / "test-fixtures/wsman" / path).read_text(encoding="utf-8"))
    out(soap, "", pathlib.Path(path).name, bytes([selector]) + xml.encode("utf-8"))
bomb = ('<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope">'
        '<s:Body>&c;</s:Body></s:Envelope>')
out(soap, "", "entity-expansion.xml", b"\x00" + bomb.encode())
out(soap, "", "doctype-utf16.xml", b"\x00" + "\ufeff".encode("utf-16-le") + bomb.encode("utf-16-le"))

# multipart/encrypted: selector byte (even: checking session security, odd: accepting) + body.
mp = "transport/encryption/MultipartEncryptedDecodeFuzzTestInputs"
for name in ["golden-spnego-seq0.hex", "variant-lf-only.hex", "variant-reordered.hex", "variant-spaces.hex",
             "reject-blank-line-before-payload.hex"]:
    out(mp, "decode", name.replace(".hex", ".bin"), b"\x00" + hexfile(name))
    out(mp, "decode", name.replace(".hex", "-accepting.bin"), b"\x01" + hexfile(name))
for i, ct in enumerate([
        'multipart/encrypted;protocol="application/HTTP-SPNEGO-session-encrypted";boundary="Encrypted Boundary"',
        'multipart/encrypted;protocol="application/HTTP-Kerberos-session-encrypted";boundary="Encrypted Boundary"',
        'multipart/encrypted; boundary="Encrypted Boundary"; protocol="application/HTTP-SPNEGO-session-encrypted"',
        'application/soap+xml;charset=UTF-8']):
    out(mp, "contentType", "content-type-%d.txt" % i, ct.encode())

# NTLM: the MS-NLMP 4.2.4 CHALLENGE and target info, and the messages of ntlm-auth (OEM client).
def props(name):
    p = {}
    for line in (ROOT / "src/test/resources/ntlm" / name).read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            k, v = line.split("=", 1)
            p[k.strip()] = v.strip()
    return p
nlmp, oem = props("ms-nlmp-4.2.4-ntlmv2.properties"), props("ntlm-auth-oem-client.properties")
ntlm = "transport/auth/ntlm/NtlmMessageParsingFuzzTestInputs"
for method in ["challenge", "clientAnswersAChallenge"]:
    out(ntlm, method, "ms-nlmp-4.2.4-challenge.bin", binascii.unhexlify(nlmp["challengeMessage"]))
    out(ntlm, method, "ntlm-auth-challenge.bin", binascii.unhexlify(oem["challenge"]))
out(ntlm, "avPairs", "ms-nlmp-4.2.4-target-info.bin", binascii.unhexlify(nlmp["targetInfo"]))
out(ntlm, "authenticateAndNegotiate", "ntlm-auth-negotiate.bin", binascii.unhexlify(oem["negotiate"]))
out(ntlm, "authenticateAndNegotiate", "ntlm-auth-authenticate.bin", binascii.unhexlify(oem["authenticate"]))
