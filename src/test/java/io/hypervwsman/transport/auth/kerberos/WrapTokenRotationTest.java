package io.hypervwsman.transport.auth.kerberos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * RFC 4121 section 4.2.5 rotation on a synthetic AES-SHA1 token whose bytes name their own role, so every
 * moved byte can be checked (JGSS cannot check this for us: JDK 17 also un-rotates on its own).
 */
class WrapTokenRotationTest {

    private static final int PLAINTEXT = 10;
    private static final int TRAILER = 28; // encrypted header copy 16 + HMAC-SHA1-96 12, EC = 0

    /** Header (RRC 0), then body bytes: confounder 0x10.., data 0x40.., trailer 0x80.. */
    private static byte[] unrotatedToken() {
        byte[] token = new byte[WrapToken.HEADER_LENGTH + WrapToken.CONFOUNDER_LENGTH + PLAINTEXT + TRAILER];
        byte[] header = {0x05, 0x04, 0x02, (byte) 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7};
        System.arraycopy(header, 0, token, 0, header.length);
        int pos = WrapToken.HEADER_LENGTH;
        for (int i = 0; i < WrapToken.CONFOUNDER_LENGTH; i++) {
            token[pos++] = (byte) (0x10 + i);
        }
        for (int i = 0; i < PLAINTEXT; i++) {
            token[pos++] = (byte) (0x40 + i);
        }
        for (int i = 0; i < TRAILER; i++) {
            token[pos++] = (byte) (0x80 + i);
        }
        return token;
    }

    @Test
    void windowsRotationMovesTrailerBehindHeader() {
        byte[] rotated = WrapToken.rotatedForWindows(unrotatedToken(), PLAINTEXT);

        assertEquals(TRAILER, WrapToken.rrc(rotated));
        assertEquals(0x80, rotated[16] & 0xff, "trailer starts right after the header");
        assertEquals(0x80 + TRAILER - 1, rotated[16 + TRAILER - 1] & 0xff);
        assertEquals(0x10, rotated[16 + TRAILER] & 0xff, "then the confounder");
        assertEquals(0x40, rotated[16 + TRAILER + 16] & 0xff, "then the data");
        assertArrayEquals(Arrays.copyOf(unrotatedToken(), 6), Arrays.copyOf(rotated, 6), "TOK_ID, flags, EC kept");
        assertArrayEquals(Arrays.copyOfRange(unrotatedToken(), 8, 16), Arrays.copyOfRange(rotated, 8, 16), "SND_SEQ kept");
    }

    @Test
    void windowsSplitGivesSixtyByteSignatureAndPlaintextSizedData() {
        byte[][] parts = WrapToken.split(WrapToken.rotatedForWindows(unrotatedToken(), PLAINTEXT), PLAINTEXT);

        assertEquals(60, parts[0].length);
        assertEquals(PLAINTEXT, parts[1].length);
        assertEquals(0x40, parts[1][0] & 0xff);
    }

    @Test
    void unrotatingUndoesRotationAndClearsRrc() {
        byte[] rotated = WrapToken.rotatedForWindows(unrotatedToken(), PLAINTEXT);

        assertArrayEquals(unrotatedToken(), WrapToken.unrotated(rotated));
        assertArrayEquals(unrotatedToken(), WrapToken.unrotated(unrotatedToken()));
    }

    @Test
    void rrcLargerThanTheBodyRotatesModuloItsLength() {
        byte[] rotated = WrapToken.rotatedForWindows(unrotatedToken(), PLAINTEXT);
        int bodyLength = rotated.length - WrapToken.HEADER_LENGTH;
        rotated[6] = (byte) ((TRAILER + bodyLength) >>> 8);
        rotated[7] = (byte) (TRAILER + bodyLength);

        assertArrayEquals(unrotatedToken(), WrapToken.unrotated(rotated));
    }

    @Test
    void recognisesOnlySealedRfc4121Tokens() {
        byte[] token = unrotatedToken();
        byte[] signedOnly = token.clone();
        signedOnly[2] = 0;
        byte[] rfc1964 = token.clone();
        rfc1964[0] = 0x02;
        rfc1964[1] = 0x01;

        assertTrue(WrapToken.isSealedRfc4121(token));
        assertFalse(WrapToken.isSealedRfc4121(signedOnly));
        assertFalse(WrapToken.isSealedRfc4121(rfc1964));
        assertFalse(WrapToken.isSealedRfc4121(Arrays.copyOf(token, WrapToken.HEADER_LENGTH)));
    }

    @Test
    void refusesToRotateATokenTooShortForItsPlaintext() {
        assertThrows(IllegalStateException.class, () -> WrapToken.rotatedForWindows(unrotatedToken(), PLAINTEXT + 20));
    }
}
