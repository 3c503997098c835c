package io.hypervwsman.hyperv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hypervwsman.Hint;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.testing.SimulatedHyperVHost;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A VM that is not there, or not alone, is a typed exception: no caller has to read the message. */
@SimulatedHyperVHost(manualClock = true)
class VmResolutionTest {

    @Test
    void anUnknownNameIsVmNotFound(HyperVHost client) {
        VmNotFoundException e = assertThrows(VmNotFoundException.class,
                () -> client.vms().resolve(VmRef.of("no-such-vm")));
        assertEquals("no-such-vm", e.vm());
        assertEquals(Hint.of(Hint.Kind.LIST_VMS, "HV01"), e.hint());
    }

    @Test
    void anUnknownGuidIsVmNotFound(HyperVHost client) {
        String guid = "00000000-0000-0000-0000-0000000000AB";
        VmNotFoundException e = assertThrows(VmNotFoundException.class,
                () -> client.vms().resolve(VmRef.of(guid)));
        assertEquals(guid, e.vm());
    }

    @Test
    void aSharedNameIsAmbiguousWithEveryCandidate(HyperVHost client, SimulatedHost sim) {
        AmbiguousVmException e = assertThrows(AmbiguousVmException.class,
                () -> client.vms().resolve(VmRef.of("file-server")));
        assertEquals(sim.vmIds("file-server").stream().sorted().collect(Collectors.toList()),
                e.candidates().stream().map(VirtualMachine::id).sorted().collect(Collectors.toList()));
        assertEquals(Hint.Kind.NAME_VM_BY_ID, e.hint().kind());
    }
}
