package io.hypervwsman.wsman;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Jazzer target for everything that reads a host's SOAP reply: the prolog check, CXF's parsing, the RelatesTo
 * check, fault reading, instances, method output and enumeration batches. The first input byte picks the
 * operation (Get, Invoke, Enumerate) and the HTTP status (200 or 500); the rest is the reply envelope, which
 * relates to the fixed MessageID. Only typed {@link HyperVWsManException}s may come out.
 */
class SoapReplyParsingFuzzTest {
    private static final ScriptedTransport TRANSPORT = new ScriptedTransport();
    private static final WsManClient CLIENT = new WsManClient(
            ConnectionOptions.builder(URI.create("http://127.0.0.1:5985/wsman")).auth(AuthMode.NONE, null).build(),
            TRANSPORT, () -> ScriptedTransport.MESSAGE_ID);
    private static final SelectorSet VM = SelectorSet.of("CreationClassName", "Msvm_ComputerSystem",
            "Name", GetInstanceTest.VM_ID);

    @FuzzTest
    void reply(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int selector = input[0] & 0xff;
        TRANSPORT.answer((selector & 4) == 0 ? 200 : 500, Arrays.copyOfRange(input, 1, input.length));
        try {
            switch (selector & 3) {
                case 0 -> read(CLIENT.get(GetInstanceTest.CS, VM));
                case 1 -> {
                    MethodOutput out = CLIENT.invoke(InvokeTest.SERVICE, SelectorSet.EMPTY, "RevertFailover",
                            MethodInput.create());
                    out.returnValue();
                    out.reference("Job").ifPresent(job -> job.selectors());
                }
                default -> {
                    try (Enumeration<CimInstance> e = CLIENT.enumerate(GetInstanceTest.CS, EnumerateOptions.all());
                         Stream<CimInstance> items = e.stream()) {
                        items.limit(50).forEach(SoapReplyParsingFuzzTest::read);
                    }
                }
            }
        } catch (HyperVWsManException expected) {
            // The documented refusal.
        }
    }

    private static void read(CimInstance instance) {
        instance.propertyNames();
        instance.string("ElementName");
        instance.number("EnabledState");
        instance.datetime("TimeOfLastStateChange");
    }
}
