package io.hypervwsman.wsman;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypervwsman.hyperv.xml.concretejob.MsvmConcreteJobType;
import io.hypervwsman.hyperv.xml.replicationservice.RevertFailoverOUTPUT;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

@OverEveryAuthMode
class InvokeTest {
    /** How the client reaches the fixtures in this run of the class. */
    @Parameter
    FixtureHost.Mode mode;

    FixtureHost host(String fixtureCase) {
        return new FixtureHost(fixtureCase, mode);
    }

    static final String SERVICE = WsManNamespace.wmiClass("root/virtualization/v2", "Msvm_ReplicationService");
    static final SelectorSet SERVICE_KEYS = SelectorSet.of("CreationClassName", "Msvm_ReplicationService",
            "Name", "replicasvc", "SystemCreationClassName", "Msvm_ComputerSystem", "SystemName", "HV01");
    static final EndpointReference VM = EndpointReference.of(GetInstanceTest.CS,
            SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name", GetInstanceTest.VM_ID));

    @Test
    void invokeWithReferenceArgumentReturnsJobReferenceThatCanBeReaddressed() {
        try (FixtureHost host = host("invoke-revert"); WsManClient client = host.client()) {
            MethodOutput out = client.invoke(SERVICE, SERVICE_KEYS, "RevertFailover",
                    MethodInput.create().addReference("ComputerSystem", VM));

            assertEquals(4096, out.returnValue());
            EndpointReference job = out.reference("Job").orElseThrow();
            assertEquals(WsManNamespace.wmiClass("root/virtualization/v2", "Msvm_ConcreteJob"), job.resourceUri());
            assertEquals("A3B1C2D4-E5F6-4789-9ABC-DEF012345678", job.selectors().get("InstanceID"));
            assertEquals("root/virtualization/v2", job.selectors().get("__cimnamespace"));

            CimInstance state = client.get(job);
            assertEquals(7L, state.number("JobState").orElseThrow());
            assertEquals(98L, state.number("JobType").orElseThrow());
            assertEquals(Duration.ofMillis(2500), state.interval("ElapsedTime").orElseThrow());
            assertEquals(100, state.as(MsvmConcreteJobType.class).getPercentComplete().getValue().intValue());

            host.server().verify(1, postRequestedFor(urlPathEqualTo("/wsman")).withRequestBody(matchingXPath(
                    "//*[local-name()='Action'][text()='" + SERVICE + "/RevertFailover']")));
        }
    }

    @Test
    void typedInvokeBindsTheOutputToTheGeneratedClass() {
        try (FixtureHost host = host("invoke-revert"); WsManClient client = host.client()) {
            var input = new io.hypervwsman.hyperv.xml.replicationservice.ObjectFactory().createRevertFailoverINPUT();
            MethodOutput raw = client.invoke(SERVICE, SERVICE_KEYS, "RevertFailover",
                    MethodInput.create().addReference("ComputerSystem", VM));
            RevertFailoverOUTPUT typed = raw.as(RevertFailoverOUTPUT.class);

            assertEquals(4096L, typed.getReturnValue().getValue().longValue());
            assertEquals(GetInstanceTest.CS.replace("Msvm_ComputerSystem", "Msvm_ConcreteJob"),
                    typed.getJob().getValue().getReferenceParameters().getAny().get(0).getTextContent());
            assertEquals(null, input.getComputerSystem());
        }
    }
}
