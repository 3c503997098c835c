package io.hypervwsman.cli;

import picocli.CommandLine.Option;

/** {@code --recovery-point NAME|ID|latest}, shared by initiate-failover and test-failover. */
final class RecoveryPointOption {
    @Option(names = "--recovery-point", paramLabel = "NAME|ID|latest", defaultValue = "latest",
            description = "The recovery point: its name (as Get-VMSnapshot shows it), its id (Microsoft:<GUID>), or"
                    + " latest (default).")
    String value;

    /** The value given, checked. */
    String get() {
        if (value.isBlank()) {
            throw new UsageException("--recovery-point needs a name, an id or latest");
        }
        return value;
    }
}
