package io.hypervwsman.wsman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.cli.ExitCodes;
import io.hypervwsman.transport.ResponseTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Replies that must be refused even though they come with HTTP 200. */
@OverEveryAuthMode
class HostReplyCheckTest {
    /** How the client reaches the fixtures in this run of the class. */
    @Parameter
    FixtureHost.Mode mode;

    FixtureHost host(String fixtureCase) {
        return new FixtureHost(fixtureCase, mode);
    }


    private <T extends Throwable> T getFrom(String fixtureCase, Class<T> expected) {
        try (FixtureHost host = host(fixtureCase); WsManClient client = host.client()) {
            return assertThrows(expected, () -> client.get(GetInstanceTest.CS,
                    SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name", GetInstanceTest.VM_ID)));
        }
    }

    @Test
    void replyRelatedToAnotherMessageIsRefused() {
        ProtocolException e = getFrom("relatesto-mismatch", ProtocolException.class);

        assertTrue(e.getMessage().contains("relates to"), e.getMessage());
        assertEquals(4, ExitCodes.of(e));
    }

    @Test
    void replyWithDoctypeIsRefusedBeforeParsing() {
        ProtocolException e = getFrom("doctype", ProtocolException.class);

        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertTrue(!e.getMessage().contains("root:"), "no /etc/passwd content may leak: " + e.getMessage());
    }

    @Test
    void replyLargerThanMaxEnvelopeSizeIsRefused() {
        ResponseTooLargeException e = getFrom("oversize", ResponseTooLargeException.class);

        assertTrue(e.getMessage().contains("512000"), e.getMessage());
        assertTrue(e instanceof HyperVWsManException);
    }
}
