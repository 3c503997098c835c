package io.hypervwsman.bench.e2e;

import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import io.hypervwsman.wsman.MethodInput;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManNamespace;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The three operations whose client CPU {@link ExchangeCpu} and {@link ExchangeCpuAb} measure, repeatable without
 * changing the simulated host: {@code get} (one Msvm_ComputerSystem), {@code enumerate} (WQL, not optimized:
 * Enumerate + Pull, two exchanges) and {@code invoke} (RevertFailover with a reference to a VM the host does not
 * know: a return value, never a job). {@link #open} is what {@link ExchangeCpuAb} calls in each build's class loader,
 * so only JDK types cross the loader boundary.
 */
public final class MeasuredOperations {
    private static final String V2 = "root/virtualization/v2";
    private static final String COMPUTER_SYSTEM = WsManNamespace.wmiClass(V2, "Msvm_ComputerSystem");
    private static final String REPLICATION_SERVICE = WsManNamespace.wmiClass(V2, "Msvm_ReplicationService");

    private MeasuredOperations() {
    }

    /** A new NTLM client's operations by name. */
    public static Function<String, Runnable> open(URI endpoint, String user, String password, String vmId) {
        WsManClient client = WsManClient.connect(ConnectionOptions.builder(endpoint)
                .auth(AuthMode.NTLM, new Credentials(user, password.toCharArray())).maxConnections(1).build());
        return of(client, vmId)::get;
    }

    /** The operations on {@code client}, in the order get, enumerate, invoke. */
    static Map<String, Runnable> of(WsManClient client, String vmId) {
        SelectorSet vmKeys = SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name", vmId);
        EndpointReference service;
        try (Enumeration<EndpointReference> services = client.enumerateReferences(REPLICATION_SERVICE,
                EnumerateOptions.all())) {
            service = services.next();
        }
        MethodInput revertUnknownVm = MethodInput.create().addReference("ComputerSystem", EndpointReference.of(
                COMPUTER_SYSTEM, SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name",
                        "00000000-0000-4000-8000-00000000FFFF")));
        EnumerateOptions allVms = EnumerateOptions
                .wql("SELECT * FROM Msvm_ComputerSystem WHERE Caption = 'Virtual Machine'").optimize(false);
        Map<String, Runnable> ops = new LinkedHashMap<>();
        ops.put("get", () -> client.get(COMPUTER_SYSTEM, vmKeys));
        ops.put("enumerate", () -> {
            try (Enumeration<CimInstance> vms = client.enumerate(COMPUTER_SYSTEM, allVms)) {
                while (vms.hasNext()) {
                    vms.next();
                }
            }
        });
        ops.put("invoke", () -> client.invoke(service, "RevertFailover", revertUnknownVm));
        return ops;
    }
}
