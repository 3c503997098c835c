package io.hypervwsman.wsman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.cli.ExitCodes;
import io.hypervwsman.transport.EndpointNotFoundException;
import io.hypervwsman.transport.HttpForbiddenException;
import io.hypervwsman.transport.HttpServerErrorException;
import io.hypervwsman.transport.HttpUnauthorizedException;
import io.hypervwsman.transport.RequestTooLargeException;
import io.hypervwsman.transport.ServiceUnavailableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTTP replies without a SOAP envelope become distinct, typed exceptions. */
class HttpStatusMappingTest {

    private static <T extends HyperVWsManException> T getFrom(String fixtureCase, Class<T> expected) {
        try (FixtureHost host = new FixtureHost(fixtureCase); WsManClient client = host.client()) {
            return assertThrows(expected, () -> client.get(GetInstanceTest.CS,
                    SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name", GetInstanceTest.VM_ID)));
        }
    }

    @Test
    void unauthorizedNamesTheOfferedSchemes() {
        HttpUnauthorizedException e = getFrom("http-401", HttpUnauthorizedException.class);
        assertEquals(3, ExitCodes.of(e));
        assertTrue(e.offeredSchemes().contains("Negotiate"), e.offeredSchemes().toString());
    }

    @Test
    void forbidden() {
        HttpForbiddenException e = getFrom("http-403", HttpForbiddenException.class);
        assertEquals(403, e.status());
        assertEquals(3, ExitCodes.of(e));
    }

    @Test
    void notFound() {
        EndpointNotFoundException e = getFrom("http-404", EndpointNotFoundException.class);
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("/wsman"), e.getMessage());
    }

    @Test
    void requestTooLarge() {
        assertEquals(413, getFrom("http-413", RequestTooLargeException.class).status());
    }

    @Test
    void serviceUnavailableKeepsRetryAfter() {
        ServiceUnavailableException e = getFrom("http-503", ServiceUnavailableException.class);
        assertEquals(Duration.ofSeconds(5), e.retryAfter().orElseThrow());
        assertEquals(4, ExitCodes.of(e));
    }

    @Test
    void serverErrorWithHtmlBodyIsNotTakenForAFault() {
        HttpServerErrorException e = getFrom("http-500-html", HttpServerErrorException.class);
        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("text/html"), e.getMessage());
    }

    @Test
    void theTypesAreDistinct() {
        List<Class<?>> types = List.of(HttpUnauthorizedException.class, HttpForbiddenException.class,
                EndpointNotFoundException.class, RequestTooLargeException.class, ServiceUnavailableException.class,
                HttpServerErrorException.class);
        for (Class<?> a : types) {
            for (Class<?> b : types) {
                assertTrue(a == b || !a.isAssignableFrom(b), a + " vs " + b);
            }
        }
    }
}
