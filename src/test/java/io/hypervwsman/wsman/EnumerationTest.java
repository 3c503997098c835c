package io.hypervwsman.wsman;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

@OverEveryAuthMode
class EnumerationTest {
    /** How the client reaches the fixtures in this run of the class. */
    @Parameter
    FixtureHost.Mode mode;

    FixtureHost host(String fixtureCase) {
        return new FixtureHost(fixtureCase, mode);
    }

    static final String V2_ALL = WsManNamespace.wmiNamespaceWildcard("root/virtualization/v2");
    static final String VMS = "SELECT * FROM Msvm_ComputerSystem WHERE Caption = 'Virtual Machine'";

    private static int requests(FixtureHost host, String action) {
        return host.server().findAll(postRequestedFor(urlPathEqualTo("/wsman"))
                .withRequestBody(matchingXPath("//*[local-name()='Action'][text()='" + action + "']"))).size();
    }

    @Test
    void walksEnumerateAndThreePullBatchesLazily() {
        try (FixtureHost host = host("enumerate-pull"); WsManClient client = host.client();
             Enumeration<CimInstance> vms = client.enumerate(V2_ALL, EnumerateOptions.wql(VMS).optimize(false))) {
            assertEquals(0, requests(host, WsManNamespace.ACTION_PULL), "nothing pulled before the caller asks");

            List<String> names = vms.stream().map(v -> v.string("ElementName").orElseThrow()).collect(Collectors.toList());

            assertEquals(5, names.size(), names.toString());
            assertEquals(5, names.stream().distinct().count());
            assertEquals(3, vms.pullCount());
            assertEquals(3, requests(host, WsManNamespace.ACTION_PULL));
            assertEquals(0, requests(host, WsManNamespace.ACTION_RELEASE), "a finished enumeration needs no Release");
        }
    }

    @Test
    void releasesTheContextWhenTheCallerStopsEarly() {
        try (FixtureHost host = host("enumerate-pull"); WsManClient client = host.client()) {
            try (Stream<CimInstance> vms = client.enumerate(V2_ALL, EnumerateOptions.wql(VMS).optimize(false)).stream()) {
                assertEquals(1, vms.limit(1).count());
            }
            assertEquals(1, requests(host, WsManNamespace.ACTION_PULL));
            assertEquals(1, requests(host, WsManNamespace.ACTION_RELEASE));
            host.server().verify(postRequestedFor(urlPathEqualTo("/wsman")).withRequestBody(matchingXPath(
                    "//*[local-name()='Release']/*[local-name()='EnumerationContext']"
                            + "[text()='uuid:3B6F5C1E-8D2A-4E7B-9C0F-1A2B3C4D5E02']")));
        }
    }

    @Test
    void optimizedEnumerateReadsItemsAndEndOfSequenceInTheWsmanNamespace() {
        try (FixtureHost host = host("enumerate-optimized"); WsManClient client = host.client();
             Enumeration<CimInstance> services = client.enumerate(V2_ALL,
                     EnumerateOptions.wql("SELECT * FROM Msvm_ReplicationService").maxElements(32000))) {
            List<CimInstance> all = services.stream().collect(Collectors.toList());

            assertEquals(1, all.size());
            assertEquals("Msvm_ReplicationService", all.get(0).className());
            assertEquals("replicasvc", all.get(0).string("Name").orElseThrow());
            assertEquals(0, services.pullCount());
            assertEquals(0, requests(host, WsManNamespace.ACTION_PULL));
        }
    }

    @Test
    void optimizedEnumerateThenPullInTheEnumerationNamespace() {
        try (FixtureHost host = host("enumerate-optimized-pull"); WsManClient client = host.client();
             Enumeration<CimInstance> jobs = client.enumerate(V2_ALL,
                     EnumerateOptions.wql("SELECT * FROM Msvm_ConcreteJob").maxElements(32000))) {
            List<CimInstance> all = jobs.stream().collect(Collectors.toList());

            assertEquals(3, all.size());
            assertTrue(all.stream().allMatch(j -> "Msvm_ConcreteJob".equals(j.className())));
            assertEquals(1, jobs.pullCount());
        }
    }

    @Test
    void enumerateEprModeReturnsOpaqueReferences() {
        try (FixtureHost host = host("enumerate-epr"); WsManClient client = host.client();
             Enumeration<EndpointReference> refs = client.enumerateReferences(V2_ALL,
                     EnumerateOptions.wql("SELECT * FROM Msvm_ReplicationService").maxElements(32000))) {
            List<EndpointReference> all = refs.stream().collect(Collectors.toList());

            assertEquals(1, all.size());
            EndpointReference svc = all.get(0);
            assertEquals(WsManNamespace.wmiClass("root/virtualization/v2", "Msvm_ReplicationService"), svc.resourceUri());
            assertEquals(List.of("CreationClassName", "Name", "SystemCreationClassName", "SystemName"),
                    List.copyOf(svc.selectors().selectors().keySet()));
            assertEquals("replicasvc", svc.selectors().get("Name"));
            assertEquals("HV01", svc.selectors().get("SystemName"));
        }
    }

    @Test
    void timedOutPullIsPulledAgain() {
        try (FixtureHost host = host("pull-timedout"); WsManClient client = host.client();
             Enumeration<CimInstance> jobs = client.enumerate(V2_ALL,
                     EnumerateOptions.wql("SELECT * FROM Msvm_ConcreteJob WHERE InstanceID = "
                             + Wql.literal("A3B1C2D4-E5F6-4789-9ABC-DEF012345678")).optimize(false))) {
            List<CimInstance> all = jobs.stream().collect(Collectors.toList());

            assertEquals(1, all.size());
            assertEquals(2, requests(host, WsManNamespace.ACTION_PULL), "one TimedOut, then the batch");
        }
    }
}
