package io.hypervwsman.cli;

import java.util.Locale;

/** The --replica-authentication and --certificate-thumbprint options the replication verbs share. */
final class ReplicaAuthentication {
    private ReplicaAuthentication() {
    }

    /** AuthenticationType of Msvm_ReplicationSettingData: 1 kerberos, 2 certificate; null when not given. */
    static Integer type(String option) {
        if (option == null) {
            return null;
        }
        return switch (option.toLowerCase(Locale.ROOT)) {
            case "kerberos" -> 1;
            case "certificate" -> 2;
            default -> throw new UsageException("--replica-authentication must be kerberos or certificate, not "
                    + option);
        };
    }

    /** Refuses a thumbprint that is not a SHA-1 thumbprint (40 hexadecimal digits). */
    static String thumbprint(String option) {
        if (option != null && !option.matches("[0-9A-Fa-f]{40}")) {
            throw new UsageException("--certificate-thumbprint must be 40 hexadecimal digits (a SHA-1 thumbprint)");
        }
        return option;
    }
}
