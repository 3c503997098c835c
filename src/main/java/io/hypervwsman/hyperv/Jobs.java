package io.hypervwsman.hyperv;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManFaultException;

/** Jobs by their InstanceID: read one (waiting for one is ReplicaOperations.waitForJob). */
public final class Jobs {
    private final WsManClient client;
    private final String host;

    Jobs(WsManClient client, String host) {
        this.client = client;
        this.host = host;
    }

    /** The reference of the Msvm_ConcreteJob with this InstanceID. */
    public static EndpointReference reference(String instanceId) {
        return EndpointReference.of(HyperVResources.CONCRETE_JOB, SelectorSet.of("InstanceID", instanceId));
    }

    /** The job as it is now. */
    public JobReport show(String instanceId) {
        try {
            return JobReport.from(client.get(reference(instanceId)));
        } catch (WsManFaultException e) {
            if (JobTracker.isNotFound(e.fault())) {
                throw new OperationFailedException("no job " + instanceId + " on " + host
                        + " (finished jobs are removed about 5 minutes after they end)");
            }
            throw e;
        }
    }
}
