package io.hypervwsman.cli;

import io.hypervwsman.Hint;

/** A library {@link Hint} in the CLI's words: its commands and flags. */
final class HintText {
    private HintText() {
    }

    static String of(Hint hint) {
        return of(hint, null);
    }

    /**
     * The hint in the CLI's words; {@code connectionArguments} (the connection options as given, see
     * {@link ConnectionMixin#resumeArguments()}, or null) make a suggested command reach the same host the same way.
     */
    static String of(Hint hint, String connectionArguments) {
        if (hint == null) {
            return null;
        }
        String s = hint.subject();
        return switch (hint.kind()) {
            case LIST_VMS -> "list them with: hyperv-wsman vms" + (connectionArguments != null ? connectionArguments
                    : " --host " + s);
            case NAME_VM_BY_ID -> "name the one you mean by its GUID: --vm <GUID>";
            case CHOOSE_RECOVERY_POINT -> "use --recovery-point latest, or one of the names above";
            case NAME_RECOVERY_POINT_BY_ID -> "name the one you mean by its id: --recovery-point Microsoft:<GUID>";
            case NAME_REPLICA_SERVER -> "name it with --replica-server HOST";
            case COMMIT_OR_REVERT_FIRST -> "commit it first: hyperv-wsman commit-failover --vm " + s
                    + " (or revert it), or add --force";
            case STOP_TEST_FAILOVER_ON_REPLICA -> "hyperv-wsman stop-test-failover --vm <replica>";
            case RUN_ON_REPLICA_SERVER -> "run it against the replica server: --host " + (s == null ? "<replica server>"
                    : s);
            case TURN_OFF_FIRST -> "add --turn-off to turn it off first";
            case TRUST_HOST_CA -> "use --ca-file to trust the host's CA";
            case USE_HTTPS -> "use HTTPS (--https or an https:// URL)";
            case USE_HTTPS_OR_NEGOTIATE -> "use HTTPS (--https) or Negotiate";
            case GIVE_CLIENT_CERTIFICATE -> "give it with --client-cert";
            case GIVE_PRINCIPAL -> "give it with --user";
            case GIVE_CERTIFICATE_THUMBPRINT -> "give it with --certificate-thumbprint (40 hexadecimal digits)";
            case NAME_AUTHENTICATION_TYPE -> "name it with --allowed-authentication kerberos|certificate|both";
            case CHANGE_AUTHORIZATION_ENTRY -> "change it with: hyperv-wsman replication-server set-entry"
                    + " --primary-server " + ShellWords.quote(s) + " --storage PATH --trust-group NAME";
            case REMOVE_AUTHORIZATION_ENTRIES -> "remove each with: hyperv-wsman replication-server remove-entry"
                    + " --primary-server NAME (replication of the VMs it authorized stops)";
            case ALLOW_ANY_SERVER -> "add --allow-any-server true";
            case REVERSE_AND_FAIL_BACK, CHECK_REPLICA_ROLE -> hint.toString();
        };
    }
}
