package io.hypervwsman.hyperv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hypervwsman.Hint;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A VM that is not there, or not alone, is a typed exception: no caller has to read the message. */
class VmResolutionTest {

    @Test
    void anUnknownNameIsVmNotFound() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            VmNotFoundException e = assertThrows(VmNotFoundException.class,
                    () -> f.host().vms().resolve(VmRef.of("no-such-vm")));
            assertEquals("no-such-vm", e.vm());
            assertEquals(Hint.of(Hint.Kind.LIST_VMS, "HV01"), e.hint());
        }
    }

    @Test
    void anUnknownGuidIsVmNotFound() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            String guid = "00000000-0000-0000-0000-0000000000AB";
            VmNotFoundException e = assertThrows(VmNotFoundException.class,
                    () -> f.host().vms().resolve(VmRef.of(guid)));
            assertEquals(guid, e.vm());
        }
    }

    @Test
    void aSharedNameIsAmbiguousWithEveryCandidate() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            AmbiguousVmException e = assertThrows(AmbiguousVmException.class,
                    () -> f.host().vms().resolve(VmRef.of("file-server")));
            assertEquals(f.sim.vmIds("file-server").stream().sorted().collect(Collectors.toList()),
                    e.candidates().stream().map(VirtualMachine::id).sorted().collect(Collectors.toList()));
            assertEquals(Hint.Kind.NAME_VM_BY_ID, e.hint().kind());
        }
    }
}
