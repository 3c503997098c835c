"""Writes ntlm-auth-oem-client.properties: a handshake and sealed messages from ntlm-auth 1.4.0 (Debian's
python3-ntlm-auth, the NTLM stack under pywinrm 0.3.0), for NtlmAuthOemClientTest.

ntlm-auth's NEGOTIATE offers OEM but not UNICODE, and no NTLM bit. The CHALLENGE is the one our
NtlmServerContext answers it with under NtlmFixture (fixed server challenge and clock); the test checks
that it still does, so the recorded AUTHENTICATE and its MIC stay valid. Client challenge and session key
are random, so each run records a different, equally valid handshake.

Run from this directory, with the challenge= value of the current file (MD4 for the NT hash is in
OpenSSL 3's legacy provider; see ../interop/openssl-legacy.cnf):
OPENSSL_CONF=../interop/openssl-legacy.cnf /usr/bin/python3 generate-ntlm-auth-oem.py CHALLENGE_HEX > ntlm-auth-oem-client.properties
"""
import struct
import sys

from ntlm_auth.ntlm import NtlmContext
from ntlm_auth.session_security import SessionSecurity

DOMAIN, USER, PASSWORD = "LAB", "Administrator", "Corr3ct-Horse-Battery!"  # NtlmFixture's account
REQUEST = b"<s:Envelope>request from ntlm-auth</s:Envelope>"
REPLY = b"<s:Envelope>reply from the server</s:Envelope>"


def main(challenge_hex):
    context = NtlmContext(USER, PASSWORD, DOMAIN)
    negotiate = context.step()
    authenticate = context.step(bytes.fromhex(challenge_hex))
    sealed = context.wrap(REQUEST)  # signature (16 bytes) then ciphertext, as pywinrm frames it
    flags = struct.unpack("<I", authenticate[60:64])[0]
    server = SessionSecurity(flags, context._authenticate_message.exported_session_key, source="server")
    reply_sealed, reply_signature = server.wrap(REPLY)
    print("# Recorded by generate-ntlm-auth-oem.py (see there) from ntlm-auth 1.4.0: OEM NEGOTIATE, our CHALLENGE,")
    print("# ntlm-auth's AUTHENTICATE, a request it sealed as client and the reply it seals as server. Hex unless noted.")
    for key, value in [("user", USER), ("domain", DOMAIN), ("negotiate", negotiate.hex()), ("challenge", challenge_hex),
                       ("authenticate", authenticate.hex()), ("request", REQUEST.decode()),
                       ("requestSignature", sealed[:16].hex()), ("requestSealed", sealed[16:].hex()),
                       ("reply", REPLY.decode()), ("replySignature", reply_signature.hex()),
                       ("replySealed", reply_sealed.hex())]:
        print(key + "=" + value)


if __name__ == "__main__":
    main(sys.argv[1])
