#!/usr/bin/env python3
"""Regenerates the golden multipart/encrypted bodies in this directory.

Written from the MS-WSMV 2.2.9.1 layout in winrm-wire.md, independently of the Java encoder, so the
golden test checks the encoder against the spec rather than against itself. The "session security" is
the test-only XOR scheme of XorSessionSecurity.java:
  sealed[i]  = plaintext[i] XOR key
  signature  = b"XSIG" || uint32le(CRC32(uint32le(seq) || plaintext)) || uint32le(seq)
Run: python3 generate.py   (from this directory)
"""
import struct
import zlib

KEY = 0x5A
PLAINTEXT = (
    b'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
    b'xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing">'
    b'<s:Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/transfer/Get</a:Action>'
    b'<a:MessageID>uuid:7B1F0C55-3A8D-4A59-9C1E-2D6F0A7B8C90</a:MessageID></s:Header>'
    b'<s:Body/></s:Envelope>'
)
SPNEGO = b"application/HTTP-SPNEGO-session-encrypted"
KERBEROS = b"application/HTTP-Kerberos-session-encrypted"


def seal(plaintext, seq):
    sealed = bytes(b ^ KEY for b in plaintext)
    seq_le = struct.pack("<I", seq)
    signature = b"XSIG" + struct.pack("<I", zlib.crc32(seq_le + plaintext)) + seq_le
    return signature, sealed


def body(protocol, plaintext, seq, *, tab=b"\t", eol=b"\r\n", sep=b": ", tail=b"--Encrypted Boundary--\r\n",
         before_close=b"", before_payload=b"", reorder=False):
    signature, sealed = seal(plaintext, seq)
    control = [tab + b"Content-Type" + sep + protocol + eol,
               tab + b"OriginalContent" + sep + b"type=application/soap+xml;charset=UTF-8;Length="
               + str(len(plaintext)).encode() + eol]
    if reorder:
        control.reverse()
    return (b"--Encrypted Boundary" + eol + b"".join(control)
            + b"--Encrypted Boundary" + eol
            + tab + b"Content-Type" + sep + b"application/octet-stream" + eol + before_payload
            + struct.pack("<I", len(signature)) + signature + sealed + before_close + tail)


def write_hex(name, data, comment):
    with open(name, "w") as f:
        f.write("# " + comment + "\n")
        for i in range(0, len(data), 32):
            f.write(data[i:i + 32].hex() + "\n")


with open("golden-plaintext.xml", "wb") as f:
    f.write(PLAINTEXT)

write_hex("golden-spnego-seq0.hex", body(SPNEGO, PLAINTEXT, 0),
          "Windows layout, SPNEGO protocol, XOR key 0x5a, sequence 0")
write_hex("golden-kerberos-seq0.hex", body(KERBEROS, PLAINTEXT, 0),
          "Windows layout, Kerberos protocol, XOR key 0x5a, sequence 0")
write_hex("golden-spnego-seq1.hex", body(SPNEGO, PLAINTEXT, 1),
          "Windows layout, SPNEGO protocol, XOR key 0x5a, sequence 1")

# Accepted variants (SPNEGO, sequence 0): whitespace other peers produce.
write_hex("variant-no-tabs.hex", body(SPNEGO, PLAINTEXT, 0, tab=b""), "header lines without the leading tab")
write_hex("variant-lf-only.hex", body(SPNEGO, PLAINTEXT, 0, eol=b"\n"), "LF instead of CRLF on header lines")
write_hex("variant-no-final-crlf.hex", body(SPNEGO, PLAINTEXT, 0, tail=b"--Encrypted Boundary--"),
          "nothing after the closing delimiter")
write_hex("variant-extra-final-crlf.hex", body(SPNEGO, PLAINTEXT, 0, tail=b"--Encrypted Boundary--\r\n\r\n"),
          "an extra CRLF after the closing delimiter")
write_hex("variant-spaces.hex", body(SPNEGO, PLAINTEXT, 0, tab=b"  ", sep=b" :  ", eol=b"  \r\n"),
          "spaces instead of tab, around the colon and before CRLF")
write_hex("variant-reordered.hex", body(SPNEGO, PLAINTEXT, 0, reorder=True),
          "OriginalContent before Content-Type in the first part")

# Rejected variants: bytes next to the binary payload that cannot be told apart from it.
write_hex("reject-crlf-before-closing.hex", body(SPNEGO, PLAINTEXT, 0, before_close=b"\r\n"),
          "CRLF between the sealed bytes and the closing delimiter")
write_hex("reject-blank-line-before-payload.hex", body(SPNEGO, PLAINTEXT, 0, before_payload=b"\r\n"),
          "blank line between the octet-stream header and the signature length")
