package io.hypervwsman.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.ConfigurationException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ConnectionOptionsTest {
    @Test
    void bareHostsGetTheWinRmPorts() {
        assertEquals(URI.create("http://hv01:5985/wsman"), ConnectionOptions.endpointFor("hv01", false));
        assertEquals(URI.create("https://hv01.lab.example:5986/wsman"),
                ConnectionOptions.endpointFor("hv01.lab.example", true));
        assertEquals(URI.create("http://hv01:8080/wsman"), ConnectionOptions.endpointFor("hv01:8080", false));
        assertEquals(URI.create("http://[fe80::1]:5985/wsman"), ConnectionOptions.endpointFor("fe80::1", false));
        assertEquals(URI.create("https://x:1/wsman"), ConnectionOptions.endpointFor("https://x:1/wsman", false));
    }

    @Test
    void basicOverPlainHttpIsRefusedBeforeAnythingIsSent() {
        ConnectionOptions o = ConnectionOptions.builder(URI.create("http://hv01:5985/wsman"))
                .auth(AuthMode.BASIC, new Credentials("LAB\\operator", "s3cret-Basic".toCharArray())).build();
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new HttpTransport(o));
        assertTrue(e.getMessage().contains("Basic"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-Basic"));
        assertEquals(2, io.hypervwsman.cli.ExitCodes.of(e));
    }

    @Test
    void certificateAuthenticationNeedsHttpsAndACertificate() {
        ConnectionOptions plain = ConnectionOptions.builder(URI.create("http://hv01:5985/wsman"))
                .auth(AuthMode.CERTIFICATE, null).build();
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new HttpTransport(plain));
        assertTrue(e.getMessage().startsWith("certificate authentication needs HTTPS"), e.getMessage());
        ConnectionOptions noCert = ConnectionOptions.builder(URI.create("https://hv01:5986/wsman"))
                .auth(AuthMode.CERTIFICATE, null).build();
        e = assertThrows(ConfigurationException.class, () -> new HttpTransport(noCert));
        assertTrue(e.getMessage().contains("needs a client certificate"), e.getMessage());
    }

    @Test
    void credentialsNeverPrintThePassword() {
        Credentials c = new Credentials("LAB\\operator", "s3cret-Print".toCharArray());
        assertFalse(c.toString().contains("s3cret-Print"));
        assertEquals("LAB", c.domain());
        assertEquals("operator", c.userName());
        assertEquals("EXAMPLE.TEST", new Credentials("alice@EXAMPLE.TEST", new char[0]).domain());
    }

    @Test
    void kerberosPrincipalsFromTheUsualUserForms() {
        assertEquals("operator@LAB", Transports.principal("lab\\operator", null));
        assertEquals("alice@EXAMPLE.TEST", Transports.principal("alice@EXAMPLE.TEST", "OTHER"));
        assertEquals("bob@CORP.EXAMPLE", Transports.principal("bob", "corp.example"));
    }

    @Test
    void negotiatePrefersNtlmForAddressesAndWithoutTickets() {
        ConnectionOptions ip = ConnectionOptions.builder(URI.create("http://10.0.0.5:5985/wsman"))
                .auth(AuthMode.NEGOTIATE, new Credentials("u", "p".toCharArray()))
                .kerberos(new KerberosOptions(java.nio.file.Path.of("/nonexistent.keytab"), null, null, null, null))
                .build();
        assertFalse(Transports.prefersKerberos(ip), "Kerberos needs a host name for the SPN");
        ConnectionOptions named = ConnectionOptions.builder(URI.create("http://hv01.lab.example:5985/wsman"))
                .auth(AuthMode.NEGOTIATE, new Credentials("u", "p".toCharArray()))
                .kerberos(new KerberosOptions(java.nio.file.Path.of("/some.keytab"), null, null, null, null)).build();
        assertTrue(Transports.prefersKerberos(named));
    }

    @Test
    void timeoutsHaveDocumentedDefaultsAndCanEachBeOverridden() {
        ConnectionOptions defaults = ConnectionOptions.builder(URI.create("http://hv01:5985/wsman")).build();
        assertEquals(java.time.Duration.ofSeconds(10), defaults.connectTimeout());
        assertEquals(java.time.Duration.ofSeconds(75), defaults.readTimeout(), "OperationTimeout 60 s + 15 s");
        assertEquals(java.time.Duration.ofSeconds(120), defaults.exchangeTimeout(), "read timeout + 45 s");

        ConnectionOptions slowOps = ConnectionOptions.builder(URI.create("http://hv01:5985/wsman"))
                .operationTimeout(java.time.Duration.ofSeconds(120)).build();
        assertEquals(java.time.Duration.ofSeconds(135), slowOps.readTimeout());
        assertEquals(java.time.Duration.ofSeconds(180), slowOps.exchangeTimeout());

        ConnectionOptions set = ConnectionOptions.builder(URI.create("http://hv01:5985/wsman"))
                .connectTimeout(java.time.Duration.ofSeconds(2)).readTimeout(java.time.Duration.ofSeconds(5))
                .exchangeTimeout(java.time.Duration.ofSeconds(7)).build();
        assertEquals(java.time.Duration.ofSeconds(2), set.connectTimeout());
        assertEquals(java.time.Duration.ofSeconds(5), set.readTimeout());
        assertEquals(java.time.Duration.ofSeconds(7), set.exchangeTimeout());
        assertThrows(IllegalArgumentException.class, () -> ConnectionOptions.builder(URI.create("http://hv01:5985/wsman"))
                .readTimeout(java.time.Duration.ZERO));
    }
}
