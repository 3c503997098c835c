package io.hypervwsman.plan;

import java.util.List;

/**
 * The IP settings a replica VM's network adapter takes when it fails over (Hyper-V's
 * Msvm_FailoverNetworkAdapterSettingData: IPAddresses, Subnets, DefaultGateways, DNSServers).
 *
 * @param adapter the adapter's name or MAC address; null for the VM's only adapter
 */
public record FailoverNetwork(String adapter, List<String> ipAddresses, List<String> subnets,
                              List<String> gateways, List<String> dnsServers) {

    public FailoverNetwork {
        ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        gateways = gateways == null ? List.of() : List.copyOf(gateways);
        dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
        if (ipAddresses.size() != subnets.size()) {
            throw new IllegalArgumentException("each IP address needs its subnet (" + ipAddresses.size()
                    + " addresses, " + subnets.size() + " subnets)");
        }
    }
}
