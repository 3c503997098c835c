package io.hypervwsman.sim;

import io.hypervwsman.transport.auth.SessionSecurity;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** The reply-damaging {@link HostFault}s: applied to a plaintext reply envelope before it is sealed, or to its signature. */
final class DamagedReply {
    /** An external entity (XXE) and a "billion laughs" expansion, as a hostile host would send them. */
    static final String HOSTILE_DOCTYPE = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope ["
            + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
            + "<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
            + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>";
    private static final int OVERSIZE = 600_000;

    private DamagedReply() {
    }

    /** The reply with every fault that {@code armed} takes applied. */
    static byte[] apply(byte[] envelope, Predicate<HostFault> armed) {
        String xml = new String(envelope, StandardCharsets.UTF_8);
        if (armed.test(HostFault.RELATES_TO_MISMATCH)) {
            xml = xml.replaceFirst("<a:RelatesTo>[^<]*</a:RelatesTo>",
                    "<a:RelatesTo>uuid:00000000-0000-0000-0000-000000000000</a:RelatesTo>");
        }
        if (armed.test(HostFault.OVERSIZE_REPLY)) {
            xml = xml.replaceFirst("<s:Body>", "<s:Body><!--" + "x".repeat(OVERSIZE) + "-->");
        }
        if (armed.test(HostFault.DOCTYPE_REPLY)) {
            xml = HOSTILE_DOCTYPE + xml.replaceFirst("<s:Body>", "<s:Body>&xxe;&d;");
        }
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        if (!armed.test(HostFault.INVALID_UTF8)) {
            return bytes;
        }
        int at = xml.indexOf("<s:Body>");
        int cut = at < 0 ? 0 : xml.substring(0, at + "<s:Body>".length()).getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 3);
        out.write(bytes, 0, cut);
        out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, 0, 3); // a broken two-byte sequence, then 0xFF
        out.write(bytes, cut, bytes.length - cut);
        return out.toByteArray();
    }

    /** Signs with a flipped bit in the signature's last eight bytes (the checksum for NTLM, the trailer for Kerberos). */
    static SessionSecurity tamperedSignature(SessionSecurity real) {
        return new SessionSecurity() {
            @Override
            public String protocol() {
                return real.protocol();
            }

            @Override
            public WrappedMessage wrap(byte[] plaintext) {
                WrappedMessage w = real.wrap(plaintext);
                byte[] sig = w.signature().clone();
                sig[sig.length - 5] ^= 0x01;
                return new WrappedMessage(sig, w.sealed());
            }

            @Override
            public byte[] unwrap(byte[] signature, byte[] sealed) {
                return real.unwrap(signature, sealed);
            }
        };
    }
}
