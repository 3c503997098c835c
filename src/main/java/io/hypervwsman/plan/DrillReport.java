package io.hypervwsman.plan;

import io.hypervwsman.plan.JournalRecord.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The drill report: one self-contained HTML file (inline CSS, no script, nothing fetched) made from a run's
 * journal: who ran which plan from where, a Gantt-style timeline per VM (checks, invoke, job, start, heartbeat,
 * the group's post-steps), per-VM recovery point and RTO, failures with the host's text, and the plan itself.
 * It is written as XHTML so that it can be checked with an XML parser.
 */
public final class DrillReport {
    private static final String STYLE = """
            body{font-family:sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left}
            .gantt{position:relative;height:1.4em;background:#f3f3f3;min-width:40em}
            .bar{position:absolute;top:0;height:100%;font-size:.7em;overflow:hidden;white-space:nowrap}
            .ph-checks{background:#9cc3e6}.ph-invoke{background:#f4b183}.ph-job{background:#ffd966}
            .ph-start{background:#a9d18e}.ph-heartbeat{background:#c5e0b4}.ph-post-steps{background:#c9a0dc}
            .ph-other{background:#ccc}.SUCCEEDED{color:#2e7d32}.FAILED,.UNKNOWN,.INTERRUPTED{color:#c62828;font-weight:bold}
            pre{background:#f7f7f7;padding:1em;overflow:auto}
            """;

    private DrillReport() {
    }

    /** The report of the run {@code records} journal, of {@code file} resolved as {@code groups}. */
    public static String html(PlanFile file, List<PlannedGroup> groups, List<JournalRecord> records) {
        if (records.isEmpty() || records.get(0).type() != Type.RUN_STARTED) {
            throw new IllegalArgumentException("the journal holds no run");
        }
        Instant start = records.get(0).at();
        Instant end = records.get(records.size() - 1).at();
        long span = Math.max(1, Duration.between(start, end).toMillis());
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<title>Drill report: ").append(esc(file.plan().name())).append("</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        h.append("<h1>Drill report: ").append(esc(file.plan().name())).append("</h1>\n<table id=\"run\">");
        row(h, "Plan file", file.source());
        row(h, "Plan SHA-256", file.sha256());
        row(h, "Run by", records.get(0).message());
        row(h, "Started", start.toString());
        row(h, "Ended", end.toString() + (records.get(records.size() - 1).type() == Type.RUN_FINISHED ? "" : " (not finished)"));
        h.append("</table>\n");

        Map<String, List<JournalRecord>> byVm = new HashMap<>();
        Map<String, Instant[]> postSteps = new HashMap<>();
        List<JournalRecord> steps = new ArrayList<>();
        for (JournalRecord r : records) {
            if (r.vm() != null) {
                byVm.computeIfAbsent(r.vm(), k -> new ArrayList<>()).add(r);
            }
            if (r.type() == Type.STEP_FINISHED) {
                steps.add(r);
            }
            if (r.type() == Type.STEP_STARTED && r.step().contains("/post[")) {
                postSteps.putIfAbsent(r.group(), new Instant[] {r.at(), r.at()});
            }
            if (r.type() == Type.GROUP_FINISHED && postSteps.containsKey(r.group())) {
                postSteps.get(r.group())[1] = r.at();
            }
        }

        h.append("<h2>Timeline</h2>\n<table id=\"timeline\"><tr><th>VM</th><th>")
                .append(esc(start.toString())).append(" … ").append(esc(end.toString())).append("</th></tr>\n");
        for (PlannedGroup g : groups) {
            for (PlannedVm vm : g.vms()) {
                h.append("<tr><td>").append(esc(vm.name())).append("</td><td><div class=\"gantt\">");
                for (Segment s : segments(byVm.getOrDefault(vm.key(), List.of()))) {
                    bar(h, s, start, span);
                }
                Instant[] post = postSteps.get(g.name());
                if (post != null && byVm.containsKey(vm.key())) {
                    bar(h, new Segment("post-steps", post[0], post[1]), start, span);
                }
                h.append("</div></td></tr>\n");
            }
        }
        h.append("</table>\n");

        h.append("<h2>VMs</h2>\n<table id=\"vms\"><tr><th>Group</th><th>VM</th><th>Host</th><th>Action</th>")
                .append("<th>Outcome</th><th>Recovery point</th><th>RTO</th><th>Host's message</th></tr>\n");
        for (PlannedGroup g : groups) {
            for (PlannedVm vm : g.vms()) {
                List<JournalRecord> life = byVm.getOrDefault(vm.key(), List.of());
                JournalRecord fin = life.stream().filter(r -> r.type() == Type.VM_FINISHED).reduce((a, b) -> b).orElse(null);
                String outcome = fin == null ? (life.isEmpty() ? "NOT_RUN" : "UNKNOWN") : fin.outcome();
                h.append("<tr class=\"vm\"><td>").append(esc(g.name())).append("</td><td>").append(esc(vm.name()))
                        .append("</td><td>").append(esc(vm.host())).append("</td><td>").append(esc(vm.action().label()))
                        .append("</td><td class=\"").append(outcome).append("\">").append(outcome).append("</td><td>")
                        .append(esc(fin == null || fin.recoveryPoint() == null ? "" : fin.recoveryPoint()))
                        .append("</td><td>").append(fin == null ? "" : rto(life.get(0).at(), fin.at()))
                        .append("</td><td>").append(esc(fin == null || fin.message() == null ? "" : fin.message()))
                        .append("</td></tr>\n");
            }
        }
        h.append("</table>\n<h2>Steps</h2>\n<table id=\"steps\"><tr><th>Group</th><th>Step</th><th>Outcome</th>")
                .append("<th>Message</th></tr>\n");
        for (JournalRecord s : steps) {
            h.append("<tr><td>").append(esc(s.group())).append("</td><td>").append(esc(s.detail())).append("</td><td>")
                    .append(esc(s.outcome())).append("</td><td>").append(esc(s.message() == null ? "" : s.message()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Plan</h2>\n<pre id=\"plan\">").append(esc(file.text())).append("</pre>\n</body></html>\n");
        return h.toString();
    }

    private record Segment(String phase, Instant from, Instant to) {
    }

    private static List<Segment> segments(List<JournalRecord> life) {
        List<Segment> out = new ArrayList<>();
        String current = null;
        Instant since = null;
        for (JournalRecord r : life) {
            if (r.type() == Type.PHASE || r.type() == Type.VM_FINISHED) {
                if (current != null) {
                    out.add(new Segment(current, since, r.at()));
                }
                current = r.type() == Type.PHASE ? r.detail() : null;
                since = r.at();
            }
        }
        return out;
    }

    private static void bar(StringBuilder h, Segment s, Instant start, long span) {
        double left = 100.0 * Duration.between(start, s.from()).toMillis() / span;
        double width = Math.max(0.5, 100.0 * Duration.between(s.from(), s.to()).toMillis() / span);
        String cls = switch (s.phase()) {
            case "checks", "invoke", "job", "start", "heartbeat", "post-steps" -> s.phase();
            default -> "other";
        };
        h.append(String.format(Locale.ROOT, "<div class=\"bar ph-%s\" style=\"left:%.2f%%;width:%.2f%%\" title=\"%s %s\">%s</div>",
                cls, left, width, esc(s.phase()), esc(rto(s.from(), s.to())), esc(s.phase())));
    }

    private static String rto(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value == null ? "" : value)).append("</td></tr>");
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
