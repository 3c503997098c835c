package io.hypervwsman.hyperv;

import java.util.List;
import java.util.Optional;

/**
 * One network adapter of a VM and the IP settings its guest receives after a failover
 * (Msvm_FailoverNetworkAdapterSettingData), as Get-VMNetworkAdapterFailoverConfiguration shows them.
 *
 * @param adapterName    the adapter's ElementName
 * @param adapterId      the adapter's InstanceID
 * @param macAddress     its Address
 * @param protocol       ProtocolIFType: 4096 IPv4, 4097 IPv6, 4098 both; empty without failover settings
 * @param dhcpEnabled    DHCPEnabled; empty without failover settings
 * @param ipAddresses    IPAddresses
 * @param subnets        Subnets
 * @param gateways       DefaultGateways
 * @param dnsServers     DNSServers
 * @param failoverInstanceId the InstanceID of its Msvm_FailoverNetworkAdapterSettingData, null without one
 */
public record FailoverNetworkSettings(String adapterName, String adapterId, String macAddress,
                                      Optional<Integer> protocol, Optional<Boolean> dhcpEnabled,
                                      List<String> ipAddresses, List<String> subnets, List<String> gateways,
                                      List<String> dnsServers, String failoverInstanceId) {
}
