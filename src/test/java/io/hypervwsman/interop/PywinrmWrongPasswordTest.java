package io.hypervwsman.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.wsman.FixtureHost;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pywinrm with a wrong password is refused by our {@code NegotiateGateway}, and no session is established. */
class PywinrmWrongPasswordTest {
    @TempDir
    Path work;
    private PywinrmClient pywinrm;

    @BeforeEach
    void requirePywinrm() {
        pywinrm = new PywinrmClient(work);
        pywinrm.requireInstalled();
    }

    @Test
    void wrongPasswordIsRefusedWithoutAHandshake() {
        try (FixtureHost host = new FixtureHost("get-computersystem", FixtureHost.Mode.NTLM_ENCRYPTED)) {
            PywinrmClient.Run run = pywinrm.get(host.endpoint(), FixtureHost.USER, FixtureHost.PASSWORD + "-wrong",
                    PywinrmInteropTest.request("get-computersystem.xml"));

            assertEquals(PywinrmClient.EXIT_CREDENTIALS_REFUSED, run.exitCode(), run::describe);
            assertTrue(run.stderr().contains("InvalidCredentialsError"), run::describe);
            assertTrue(run.exchanges().isEmpty(), run::describe);
            assertEquals(0, host.gateway().completedHandshakes(), "NTLM handshakes the gateway completed");
        }
    }
}
