package io.hypervwsman.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The association instances of the simulated host and WQL's two traversals over them, as the WMI SDK pages
 * "ASSOCIATORS OF Statement" and "REFERENCES OF Statement" describe them: ASSOCIATORS OF returns the instance at the
 * other end of every association that refers to the source (an endpoint once per association), REFERENCES OF the
 * association instances themselves. AssocClass and ResultClass match the named class or a class derived from it;
 * Role names the association's reference to the source, ResultRole the one to the endpoint.
 */
final class Associations {
    static final String SETTINGS_DEFINE_STATE = "Msvm_SettingsDefineState";
    static final String SYSTEM_DEVICE = "Msvm_SystemDevice";

    /**
     * Superclasses as Microsoft's Msvm class pages and the DMTF CIM schema give them, for AssocClass/ResultClass
     * ("or derived from"); only the classes the simulated host serves.
     */
    private static final Map<String, String> SUPERCLASS = Map.ofEntries(
            Map.entry(HyperVHost.SYSTEM_REPLICATION_RELATIONSHIP, "CIM_Dependency"),
            Map.entry(HyperVHost.REPLICA_SYSTEM_DEPENDENCY, "CIM_Dependency"),
            Map.entry(HyperVHost.SNAPSHOT_OF_VIRTUAL_SYSTEM, "CIM_SnapshotOfVirtualSystem"),
            Map.entry("CIM_SnapshotOfVirtualSystem", "CIM_Dependency"),
            Map.entry(HyperVHost.AFFECTED_JOB_ELEMENT, "CIM_AffectedJobElement"),
            Map.entry(HyperVHost.REPLICATION_SETTINGS_ASSOCIATION, "CIM_ElementSettingData"),
            Map.entry(SETTINGS_DEFINE_STATE, "CIM_SettingsDefineState"),
            Map.entry(SYSTEM_DEVICE, "CIM_SystemDevice"),
            Map.entry("CIM_SystemDevice", "CIM_SystemComponent"),
            Map.entry("CIM_SystemComponent", "CIM_Component"),
            Map.entry(HyperVHost.VIRTUAL_SYSTEM_SETTING_DATA_COMPONENT, "CIM_VirtualSystemSettingDataComponent"),
            Map.entry("CIM_VirtualSystemSettingDataComponent", "CIM_Component"),
            Map.entry(VirtualMachine.CLASS, "CIM_ComputerSystem"),
            Map.entry("CIM_ComputerSystem", "CIM_System"),
            Map.entry(ReplicationLink.CLASS, "CIM_ManagedSystemElement"),
            Map.entry(ReplicationLink.SETTINGS_CLASS, "CIM_VirtualSystemSettingData"),
            Map.entry(VirtualMachine.SETTINGS_CLASS, "CIM_VirtualSystemSettingData"),
            Map.entry("CIM_VirtualSystemSettingData", "CIM_SettingData"),
            Map.entry(SimulatedJob.CLASS, "CIM_ConcreteJob"),
            Map.entry("CIM_ConcreteJob", "CIM_Job"));

    private Associations() {
    }

    /** One association instance: its class and its two references, each a role (property name) and an instance. */
    record Link(String className, String role1, InstanceSnapshot end1, String role2, InstanceSnapshot end2) {
        /** The association instance, its two properties being references (EPRs) to the ends. */
        InstanceSnapshot snapshot() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put(role1, end1.reference());
            p.put(role2, end2.reference());
            return new InstanceSnapshot(className, p, Map.of());
        }
    }

    /** Whether {@code className} is {@code wanted} or derives from it (names compare case-insensitively). */
    static boolean isA(String className, String wanted) {
        for (String c = className; c != null; c = SUPERCLASS.get(c)) {
            if (c.equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The association classes the host holds instances of (for SELECT * FROM one of them). */
    static Optional<String> knownAssociation(String className) {
        return List.of(HyperVHost.SYSTEM_REPLICATION_RELATIONSHIP, HyperVHost.REPLICA_SYSTEM_DEPENDENCY,
                HyperVHost.SNAPSHOT_OF_VIRTUAL_SYSTEM, HyperVHost.AFFECTED_JOB_ELEMENT,
                HyperVHost.REPLICATION_SETTINGS_ASSOCIATION, SETTINGS_DEFINE_STATE, SYSTEM_DEVICE,
                HyperVHost.VIRTUAL_SYSTEM_SETTING_DATA_COMPONENT, HyperVHost.FAILOVER_SETTINGS_ASSOCIATION).stream()
                .filter(className::equalsIgnoreCase).findFirst();
    }

    /** ASSOCIATORS OF: the other end of each link that refers to the source, once per link. */
    static List<InstanceSnapshot> associators(List<Link> links, WqlQuery.Associators q) {
        List<InstanceSnapshot> out = new ArrayList<>();
        for (Link l : links) {
            if (q.assocClass().map(a -> !isA(l.className(), a)).orElse(false)) {
                continue;
            }
            endpoint(l, q.sourceClass(), q.sourceKeys(), l.role1(), l.end1(), l.role2(), l.end2(), q)
                    .ifPresent(out::add);
            endpoint(l, q.sourceClass(), q.sourceKeys(), l.role2(), l.end2(), l.role1(), l.end1(), q)
                    .ifPresent(out::add);
        }
        return out;
    }

    private static Optional<InstanceSnapshot> endpoint(Link l, String sourceClass, Map<String, String> sourceKeys,
                                                       String role, InstanceSnapshot source, String resultRole,
                                                       InstanceSnapshot result, WqlQuery.Associators q) {
        boolean wanted = isSource(source, sourceClass, sourceKeys)
                && q.role().map(role::equalsIgnoreCase).orElse(true)
                && q.resultRole().map(resultRole::equalsIgnoreCase).orElse(true)
                && q.resultClass().map(c -> isA(result.className(), c)).orElse(true);
        return wanted ? Optional.of(result) : Optional.empty();
    }

    /** REFERENCES OF: each link that refers to the source (in the role asked for), as an association instance. */
    static List<InstanceSnapshot> references(List<Link> links, WqlQuery.References q) {
        List<InstanceSnapshot> out = new ArrayList<>();
        for (Link l : links) {
            boolean byRole1 = isSource(l.end1(), q.sourceClass(), q.sourceKeys())
                    && q.role().map(l.role1()::equalsIgnoreCase).orElse(true);
            boolean byRole2 = isSource(l.end2(), q.sourceClass(), q.sourceKeys())
                    && q.role().map(l.role2()::equalsIgnoreCase).orElse(true);
            if ((byRole1 || byRole2) && q.resultClass().map(c -> isA(l.className(), c)).orElse(true)) {
                out.add(l.snapshot());
            }
        }
        return out;
    }

    /** The instances of one association class (SELECT * FROM it). */
    static List<InstanceSnapshot> instances(List<Link> links, String className) {
        return links.stream().filter(l -> l.className().equalsIgnoreCase(className)).map(Link::snapshot).toList();
    }

    private static boolean isSource(InstanceSnapshot end, String sourceClass, Map<String, String> sourceKeys) {
        if (!end.className().equalsIgnoreCase(sourceClass) || end.keys().size() != sourceKeys.size()) {
            return false;
        }
        return end.keys().entrySet().stream().allMatch(k -> sourceKeys.entrySet().stream()
                .anyMatch(s -> s.getKey().equalsIgnoreCase(k.getKey()) && s.getValue().equalsIgnoreCase(k.getValue())));
    }
}
