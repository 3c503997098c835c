package io.hypervwsman.cli;

import picocli.CommandLine.Option;

/** A read-only command about one VM, named by {@code --vm}. */
abstract class OneVmCommand extends HostCommand {
    @Option(names = "--vm", required = true, paramLabel = "NAME|GUID", description = "The VM, by name or GUID.")
    String vm;

    @Override
    String vmGiven() {
        return vm;
    }
}
