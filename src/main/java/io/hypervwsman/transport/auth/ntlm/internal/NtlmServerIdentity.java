package io.hypervwsman.transport.auth.ntlm.internal;

import java.util.Objects;

/** The names an NTLM server announces in its CHALLENGE target information (MS-NLMP 2.2.2.1). */
public record NtlmServerIdentity(String netbiosDomain, String netbiosComputer, String dnsDomain, String dnsComputer) {

    public NtlmServerIdentity {
        Objects.requireNonNull(netbiosDomain, "netbiosDomain");
        Objects.requireNonNull(netbiosComputer, "netbiosComputer");
        Objects.requireNonNull(dnsDomain, "dnsDomain");
        Objects.requireNonNull(dnsComputer, "dnsComputer");
    }

    TargetInfo targetInfo(FileTime now) {
        return TargetInfo.empty()
                .withName(AvId.MSV_AV_NB_DOMAIN_NAME, netbiosDomain)
                .withName(AvId.MSV_AV_NB_COMPUTER_NAME, netbiosComputer)
                .withName(AvId.MSV_AV_DNS_DOMAIN_NAME, dnsDomain)
                .withName(AvId.MSV_AV_DNS_COMPUTER_NAME, dnsComputer)
                .withName(AvId.MSV_AV_DNS_TREE_NAME, dnsDomain)
                .withTimestamp(now);
    }
}
