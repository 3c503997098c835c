package io.hypervwsman.transport.auth.ntlm.internal;

import io.hypervwsman.AuthenticationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;

/**
 * Channel bindings for NTLM over TLS: the RFC 5929 "tls-server-end-point" application data and the
 * MsvAvChannelBindings value derived from it (MS-NLMP 2.2.2.1, 3.1.5.1.2).
 */
public final class ChannelBindings {
    private static final byte[] TLS_SERVER_END_POINT = "tls-server-end-point:".getBytes(StandardCharsets.US_ASCII);
    public static final int HASH_LENGTH = 16;

    private ChannelBindings() {
    }

    /**
     * "tls-server-end-point:" followed by the hash of the server certificate's DER encoding, the hash
     * being the one its signature uses, or SHA-256 when that is MD5 or SHA-1 (RFC 5929 section 4.1).
     */
    public static byte[] tlsServerEndPoint(X509Certificate serverCertificate) {
        try {
            MessageDigest digest = MessageDigest.getInstance(endPointHash(serverCertificate));
            byte[] hash = digest.digest(serverCertificate.getEncoded());
            return new NtlmWriter().bytes(TLS_SERVER_END_POINT).bytes(hash).toByteArray();
        } catch (GeneralSecurityException e) {
            throw new AuthenticationException("Cannot compute TLS channel bindings for the server certificate", e);
        }
    }

    /**
     * MsvAvChannelBindings: MD5 of a gss_channel_bindings_struct with no addresses and the given
     * application data (RFC 2744 3.11, laid out as SSPI's SEC_CHANNEL_BINDINGS hashes it), or sixteen
     * zeros when there are no bindings, as Windows sends outside TLS.
     */
    public static byte[] avPairValue(byte[] applicationData) {
        if (applicationData == null) {
            return new byte[HASH_LENGTH];
        }
        byte[] struct = new NtlmWriter()
                .int32(0).int32(0)   // initiator_addrtype, initiator_address length
                .int32(0).int32(0)   // acceptor_addrtype, acceptor_address length
                .int32(applicationData.length).bytes(applicationData)
                .toByteArray();
        return Digests.md5(struct);
    }

    /** The JCA name of the hash RFC 5929 picks for this certificate. */
    static String endPointHash(X509Certificate certificate) throws GeneralSecurityException {
        String signatureAlgorithm = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
        String hash;
        if (signatureAlgorithm.equals("RSASSA-PSS")) {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
            byte[] encoded = certificate.getSigAlgParams();
            if (encoded == null) {
                throw new GeneralSecurityException("RSASSA-PSS signature without parameters");
            }
            try {
                parameters.init(encoded);
            } catch (IOException e) {
                throw new GeneralSecurityException("unreadable RSASSA-PSS parameters", e);
            }
            hash = parameters.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm().toUpperCase(Locale.ROOT);
        } else {
            int with = signatureAlgorithm.indexOf("WITH");
            // RFC 5929 leaves algorithms without a separate hash (e.g. Ed25519) undefined; SHA-256 is what
            // other implementations choose.
            hash = with > 0 ? signatureAlgorithm.substring(0, with) : "SHA-256";
        }
        return switch (hash.replace("-", "")) {
            case "MD2", "MD5", "SHA", "SHA1" -> "SHA-256";
            case "SHA224" -> "SHA-224";
            case "SHA256" -> "SHA-256";
            case "SHA384" -> "SHA-384";
            case "SHA512" -> "SHA-512";
            case "SHA3224" -> "SHA3-224";
            case "SHA3256" -> "SHA3-256";
            case "SHA3384" -> "SHA3-384";
            case "SHA3512" -> "SHA3-512";
            default -> "SHA-256";
        };
    }
}
