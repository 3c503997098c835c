package io.hypervwsman.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The hyperv-wsman command line. Exit codes: 0 succeeded; 1 the host refused or failed the operation;
 * 2 usage error; 3 authentication failed; 4 connection, TLS or protocol error; 5 timed out or outcome unknown.
 */
@Command(name = "hyperv-wsman", mixinStandardHelpOptions = true, version = "hyperv-wsman 0.1.0",
        description = "Manage Hyper-V Replica failovers over WS-Management (WinRM), from Linux or macOS.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:succeeded", "1:the host refused or failed the operation (or a pre-check did)",
                "2:usage error", "3:authentication failed", "4:connection, TLS or protocol error",
                "5:timed out, or the outcome is unknown",
                "130:stopped by Ctrl-C (143: SIGTERM) while waiting; the last line names the job that goes on"})
public final class Main implements Runnable {
    /**
     * The commands, in the order --help lists them. Registered programmatically, not in {@code @Command}: picocli
     * reflects over every registered command at start-up, so a run that names its command registers only that one
     * (~0.1 s of CPU less per one-shot command, BENCHMARKS.md); help and unknown commands register all.
     * A new command goes here, not into {@code @Command(subcommands = ...)}, under the name its {@code @Command}
     * gives it (CommandTableNamesTest holds the two together): reading 29 annotations to learn the names cost a
     * one-shot command ~3 ms of CPU (BENCHMARKS.md, issue 16).
     */
    private static final class Commands {
        static final Map<String, Class<?>> BY_NAME = byName();

        private static Map<String, Class<?>> byName() {
            Map<String, Class<?>> m = new LinkedHashMap<>();
            m.put("revert-failover", RevertFailoverCommand.class);
            m.put("initiate-failover", InitiateFailoverCommand.class);
            m.put("commit-failover", CommitFailoverCommand.class);
            m.put("test-failover", TestFailoverCommand.class);
            m.put("stop-test-failover", StopTestFailoverCommand.class);
            m.put("prepare-planned-failover", PreparePlannedFailoverCommand.class);
            m.put("reverse-replication", ReverseReplicationCommand.class);
            m.put("resynchronize", ResynchronizeCommand.class);
            m.put("start-vm", StartVmCommand.class);
            m.put("stop-vm", StopVmCommand.class);
            m.put("turn-off", TurnOffCommand.class);
            m.put("suspend-replication", SuspendReplicationCommand.class);
            m.put("resume-replication", ResumeReplicationCommand.class);
            m.put("remove-replication", RemoveReplicationCommand.class);
            m.put("enable-replication", EnableReplicationCommand.class);
            m.put("start-initial-replication", StartInitialReplicationCommand.class);
            m.put("set-replication", SetReplicationCommand.class);
            m.put("set-test-failover-switch", SetTestFailoverSwitchCommand.class);
            m.put("replication", ReplicationCommand.class);
            m.put("measure-replication", MeasureReplicationCommand.class);
            m.put("recovery-points", RecoveryPointsCommand.class);
            m.put("replication-server", ReplicationServerCommand.class);
            m.put("test-replication-connection", TestReplicationConnectionCommand.class);
            m.put("set-failover-network", SetFailoverNetworkCommand.class);
            m.put("vms", VmsCommand.class);
            m.put("job", JobCommand.class);
            m.put("wsman", WsManCommand.class);
            m.put("simulate", SimulateCommand.class);
            m.put("plan", PlanCommand.class);
            return java.util.Collections.unmodifiableMap(m);
        }
    }

    /** Every command by name, in the order --help lists them. */
    static Map<String, Class<?>> commands() {
        return Commands.BY_NAME;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required");
    }

    public static void main(String[] args) {
        configureLogging(Arrays.asList(args).contains("--verbose"));
        // --simulate's embedded host answers without waiting for delayed ACKs (see NegotiateGateway); the JDK reads
        // this once, so an application sets it, not the library.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // CXF's JDKBugHacks protect application servers from class-loader leaks (they load every security provider,
        // read a SecureRandom seed, touch ImageIO and the login configuration): nothing a one-shot process needs, and
        // ~0.03 s of its CPU. An application's choice, like the property above; a value given with -D is kept.
        if (System.getProperty("org.apache.cxf.JDKBugHacks.all") == null) {
            System.setProperty("org.apache.cxf.JDKBugHacks.all", "true");
        }
        // After the properties above, which the bus and the logger read when they are created.
        if (ClientWarmUp.worthIt(args)) {
            ClientWarmUp.start();
        }
        System.exit(run(args, Terminal.system()));
    }

    /** The whole command tree, every command registered: for help, and for the man pages and completion script. */
    static CommandLine withAllCommands(Terminal terminal) {
        TerminalFactory factory = new TerminalFactory(terminal);
        CommandLine cli = new CommandLine(new Main(), factory);
        Commands.BY_NAME.values().forEach(c -> cli.addSubcommand(new CommandLine(c, factory)));
        return cli;
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this). */
    static int run(String[] args, Terminal terminal) {
        Class<?> named = args.length == 0 ? null : Commands.BY_NAME.get(args[0]);
        CommandLine cli = named == null ? withAllCommands(terminal) : new CommandLine(new Main(), new TerminalFactory(terminal));
        if (named != null) {
            cli.addSubcommand(new CommandLine(named, new TerminalFactory(terminal)));
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new java.io.PrintWriter(terminal.out(), true));
        cli.setErr(new java.io.PrintWriter(terminal.err(), true));
        boolean json = wantsJson(args);
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            int code = ExitCodes.of(ex);
            if (code == ExitCodes.USAGE) {
                OutcomeReport.usageError(commandPath(c), json, ex.getMessage(),
                        ex instanceof UsageException u ? u.usageHint() : null, terminal.out(), terminal.err());
            } else {
                terminal.err().println("error: " + ex.getMessage());
            }
            return code;
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            OutcomeReport.usageError(commandPath(ex.getCommandLine()), json, UsageHints.message(ex),
                    UsageHints.forParameter(ex), terminal.out(), terminal.err());
            return 2;
        });
        return cli.execute(args);
    }

    /** "hyperv-wsman job wait": the command's full path, as the operator types it. */
    static String commandPath(CommandLine c) {
        java.util.Deque<String> names = new java.util.ArrayDeque<>();
        for (CommandLine at = c; at != null; at = at.getParent()) {
            names.addFirst(at.getCommandName());
        }
        return String.join(" ", names);
    }

    /** --output json (any case, also --output=json): a usage error is then reported as one JSON object too. */
    static boolean wantsJson(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equalsIgnoreCase("--output=json")
                    || (args[i].equals("--output") && i + 1 < args.length && args[i + 1].equalsIgnoreCase("json"))) {
                return true;
            }
        }
        return false;
    }

    /** Logs go to stderr: warnings only, or everything (the decrypted WS-Man exchange) with --verbose. */
    static void configureLogging(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.cxf", verbose ? "info" : "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.hc", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.hypervwsman.sim", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "false");
    }

    /** Gives every command the same terminal (streams, environment, console). */
    private static final class TerminalFactory implements CommandLine.IFactory {
        private final Terminal terminal;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        TerminalFactory(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            K instance = fallback.create(cls);
            if (instance instanceof HostCommand c) {
                c.terminal = terminal;
            }
            if (instance instanceof SimulateCommand c) {
                c.terminal = terminal;
            }
            if (instance instanceof PlanCommand.Verb c) {
                c.terminal = terminal;
            }
            return instance;
        }
    }
}
