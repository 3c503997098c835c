package io.hypervwsman.cli;

import io.hypervwsman.plan.Confirmation;
import io.hypervwsman.plan.JournalRecord;
import io.hypervwsman.plan.PlannedGroup;
import io.hypervwsman.plan.PlannedVm;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The live view of a plan run (plan run and resume, a verb over several VMs): its groups, their VMs, each VM's
 * state and elapsed time, fed by the records the run journals. {@link #render} draws one snapshot as text (what
 * tests check); on a terminal that snapshot is redrawn in place at each change and each second, elsewhere each
 * change is one appended line, and with --output json nothing is shown. It goes to stderr: stdout keeps the result.
 */
final class PlanView implements Consumer<JournalRecord>, AutoCloseable {
    /** How the view shows itself. */
    enum Mode { REDRAW, LINES, OFF }

    private static final String WAITING = "waiting";
    private static final String GROUP_RUNNING = "running";
    private static final int STATE_WIDTH = 40;
    private static final int MAX_WIDTH = 40;

    private final PrintStream out;
    private final Mode mode;
    private final Clock clock;
    private final Map<String, GroupRow> groups = new LinkedHashMap<>();
    private final Map<String, VmRow> vms = new LinkedHashMap<>();
    private int drawn;
    private boolean asking;
    private ScheduledExecutorService ticker;

    private static final class GroupRow {
        final String name;
        final List<VmRow> vms = new ArrayList<>();
        String state = WAITING;

        GroupRow(String name) {
            this.name = name;
        }
    }

    private static final class VmRow {
        final PlannedVm vm;
        String state = WAITING;
        Instant started;
        Instant finished;

        VmRow(PlannedVm vm) {
            this.vm = vm;
        }
    }

    PlanView(List<PlannedGroup> planned, PrintStream out, Mode mode, Clock clock) {
        this.out = out;
        this.mode = mode;
        this.clock = clock;
        for (PlannedGroup g : planned) {
            GroupRow row = new GroupRow(g.name());
            for (PlannedVm vm : g.vms()) {
                VmRow v = new VmRow(vm);
                row.vms.add(v);
                vms.put(vm.key(), v);
            }
            groups.put(g.name(), row);
        }
    }

    /** REDRAW on a terminal, plain lines elsewhere, nothing with --output json. */
    static Mode mode(Terminal terminal, boolean json) {
        return json ? Mode.OFF : terminal.interactive() ? Mode.REDRAW : Mode.LINES;
    }

    /** Takes in what an earlier run journalled (a resume), without showing it as news. */
    synchronized void absorb(List<JournalRecord> earlier) {
        earlier.forEach(this::apply);
    }

    /** Starts redrawing each second (elapsed times move on) when redrawing in place. */
    PlanView started() {
        if (mode == Mode.REDRAW) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hyperv-wsman-plan-view");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
            redraw();
        }
        return this;
    }

    /** A record the run writes: updates the view and shows the change. Never throws (the journal must go on). */
    @Override
    public synchronized void accept(JournalRecord r) {
        try {
            String line = apply(r);
            if (mode == Mode.LINES && line != null) {
                out.println(clockTime(r.at()) + " " + line);
                out.flush();
            } else if (mode == Mode.REDRAW) {
                redraw();
            }
        } catch (RuntimeException e) {
            // a display problem must not stop the journal, and so the run
        }
    }

    /** Applies {@code r}; returns the line that says what changed, or null. */
    private String apply(JournalRecord r) {
        GroupRow g = r.group() == null ? null : groups.get(r.group());
        VmRow v = r.vm() == null ? null : vms.get(r.vm());
        if (v != null && v.started == null) {
            v.started = r.at();
        }
        switch (r.type()) {
            case GROUP_STARTED -> {
                return g == null ? null : set(g, GROUP_RUNNING, g.name + ": started");
            }
            case STEP_STARTED -> {
                return g == null ? null : set(g, r.detail() + " ...", g.name + ": " + r.detail() + " ...");
            }
            case STEP_FINISHED -> {
                return g == null ? null : set(g, GROUP_RUNNING, g.name + ": " + r.detail() + ": " + r.outcome()
                        + (r.message() == null ? "" : " (" + r.message() + ")"));
            }
            case GROUP_FINISHED -> {
                return g == null ? null : set(g, r.outcome(), g.name + ": " + r.outcome());
            }
            case VM_STARTED -> {
                return v == null ? null : set(v, "started");
            }
            case PHASE -> {
                // "job" after "job <id>" says nothing new: the state keeps the id and no line is added
                return v == null || (v.state != null && v.state.startsWith(r.detail())) ? null : set(v, r.detail());
            }
            case INVOKE_INTENT -> {
                return v == null ? null : set(v, "invoking " + r.step());
            }
            case INVOKE_SENT -> {
                return v == null ? null : set(v, r.detail() == null ? r.step() + " answered" : "job " + r.detail());
            }
            case VM_FINISHED -> {
                if (v == null) {
                    return null;
                }
                v.finished = r.at();
                return set(v, r.outcome().toLowerCase(Locale.ROOT)) + (r.message() == null || r.message().isEmpty()
                        ? "" : ": " + r.message());
            }
            default -> {
                return null;
            }
        }
    }

    private static String set(GroupRow g, String state, String line) {
        g.state = state;
        return line;
    }

    private static String set(VmRow v, String state) {
        v.state = state;
        return v.vm.group() + "/" + v.vm.name() + ": " + state;
    }

    /**
     * The view at {@code now}: a group being worked on lists its VMs (state, elapsed); a group not started or done
     * is one line counting its VMs by state, so that a plan of hundreds of VMs fits a screen.
     */
    synchronized String render(Instant now) {
        int nameWidth = width(vms.values().stream().map(v -> v.vm.name()).toList(), 10);
        int hostWidth = width(vms.values().stream().map(v -> v.vm.host()).toList(), 4);
        String groupLine = "%-" + (nameWidth + 2) + "s  %s%n";
        String vmLine = "  %-" + nameWidth + "s  %-" + hostWidth + "s  %-" + STATE_WIDTH + "s  %s";
        StringBuilder s = new StringBuilder();
        for (GroupRow g : groups.values()) {
            boolean active = g.vms.stream().anyMatch(v -> v.started != null && v.finished == null)
                    || GROUP_RUNNING.equals(g.state) || g.state.endsWith("...");
            s.append(String.format(Locale.ROOT, groupLine, fit(g.name, nameWidth + 2), g.state + "  " + counts(g)));
            if (!active) {
                continue;
            }
            for (VmRow v : g.vms) {
                s.append(String.format(Locale.ROOT, vmLine, fit(v.vm.name(), nameWidth), fit(v.vm.host(), hostWidth),
                        fit(v.state, STATE_WIDTH), elapsed(v, now)).stripTrailing()).append('\n');
            }
        }
        return s.toString();
    }

    /** A column as wide as its longest text, at least {@code least}, at most {@value #MAX_WIDTH}. */
    private static int width(List<String> texts, int least) {
        int longest = texts.stream().mapToInt(t -> t == null ? 0 : t.length()).max().orElse(0);
        return Math.min(MAX_WIDTH, Math.max(least, longest));
    }

    private static String counts(GroupRow g) {
        Map<String, Integer> byState = new TreeMap<>();
        for (VmRow v : g.vms) {
            String k = v.finished != null || v.started == null ? v.state : GROUP_RUNNING;
            byState.merge(k, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        byState.forEach((k, n) -> parts.add(n + " " + k));
        return "(" + g.vms.size() + " VM" + (g.vms.size() == 1 ? "" : "s") + ": " + String.join(", ", parts) + ")";
    }

    private static String elapsed(VmRow v, Instant now) {
        if (v.started == null) {
            return "";
        }
        long s = Math.max(0, Duration.between(v.started, v.finished != null ? v.finished : now).toSeconds());
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String fit(String text, int width) {
        String t = text == null ? "" : text;
        return t.length() <= width ? t : t.substring(0, width - 1) + "~";
    }

    private static String clockTime(Instant at) {
        return at == null ? "" : at.toString().substring(11, 19);
    }

    /**
     * {@code confirmation} with the view held still while the operator answers (a manual step), so that no redraw
     * runs over the question; the view is drawn afresh below the answer.
     */
    Confirmation holdingStillFor(Confirmation confirmation) {
        return (group, instruction) -> {
            synchronized (this) {
                asking = true;
                drawn = 0;
            }
            try {
                return confirmation.confirm(group, instruction);
            } finally {
                synchronized (this) {
                    asking = false;
                }
            }
        };
    }

    /** Moves the cursor back over the last drawing and draws the view again (ANSI: cursor up, clear line). */
    private synchronized void redraw() {
        if (asking) {
            return;
        }
        String view = render(clock.instant());
        StringBuilder s = new StringBuilder();
        if (drawn > 0) {
            s.append("\033[").append(drawn).append('F');
        }
        String[] lines = view.split("\n", -1);
        int count = 0;
        for (int i = 0; i < lines.length - 1; i++) {
            s.append("\033[2K").append(lines[i]).append('\n');
            count++;
        }
        s.append("\033[J");
        out.print(s);
        out.flush();
        drawn = count;
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
            redraw();
        }
    }
}
