package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HyperVResources;
import io.hypervwsman.wsman.WsManNamespace;

/**
 * The resource a {@code wsman} command names: a full URI passes through; {@code root/cimv2/Win32_Service} is a WMI
 * class in that namespace; a bare class name (Msvm_ComputerSystem) or {@code *} is in root/virtualization/v2.
 */
final class ResourceName {
    private ResourceName() {
    }

    static String uri(String given) {
        String r = given.trim();
        if (r.isEmpty()) {
            throw new UsageException("the RESOURCE is empty");
        }
        if (r.contains("://")) {
            return r;
        }
        if (r.contains("/")) {
            return WsManNamespace.WMI_RESOURCE_PREFIX + r;
        }
        if (r.equals("*")) {
            return HyperVResources.ALL;
        }
        if (!r.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new UsageException(given + " is neither a class name, a namespace/class path nor a resource URI");
        }
        return WsManNamespace.wmiClass(HyperVResources.NAMESPACE, r);
    }

    /** The class name at the end of a WMI class URI (for WQL). */
    static String className(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }
}
