package io.hypervwsman.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.xml.SafeXml;
import java.nio.file.Path;
import java.util.List;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The drill report's structure, read back with an XML parser: run facts, a timeline per VM, results, the plan. */
class DrillReportTest {
    static final String PLAN = """
            name: "Q4 drill <site A> & B"
            hosts: {h1: {profile: h1}, h2: {profile: h2}}
            onFailure: continue
            groups:
              - name: db
                host: h1
                action: test-failover
                vms: [db-1, db-2]
                post: [{check: heartbeat}]
              - name: web
                host: h2
                action: test-failover
                vms: ["web-*"]
            """;

    @TempDir
    Path dir;
    private Document doc;
    private XPath xpath;
    private PlanFixture f;

    /** Runs the plan (web-2 fails) and renders its report. */
    static String render(PlanFixture f, Path journal) throws InterruptedException {
        f.action.failing.add("web-2");
        f.execute(journal);
        return DrillReport.html(f.file, f.groups, Journal.read(journal));
    }

    @BeforeEach
    void renderReport() throws Exception {
        f = new PlanFixture(PLAN, List.of("db-1", "db-2", "web-1", "web-2"));
        String html = render(f, dir.resolve("j"));
        assertFalse(html.contains("<script"), "no script");
        doc = SafeXml.parse(html.replace("<!DOCTYPE html>", "")).orElseThrow(() -> new AssertionError("not XHTML"));
        xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            public String getNamespaceURI(String p) {
                return "http://www.w3.org/1999/xhtml";
            }

            public String getPrefix(String u) {
                return "h";
            }

            public java.util.Iterator<String> getPrefixes(String u) {
                return List.of("h").iterator();
            }
        });
    }

    private String text(String expr) throws XPathExpressionException {
        return xpath.evaluate(expr, doc);
    }

    private int count(String expr) throws XPathExpressionException {
        return ((Number) xpath.evaluate("count(" + expr + ")", doc, XPathConstants.NUMBER)).intValue();
    }

    @Test
    void namesThePlanWhoRanItAndFromWhere() throws Exception {
        assertEquals("Drill report: Q4 drill <site A> & B", text("//h:h1"));
        assertEquals("drill-operator@ops-laptop", text("//h:table[@id='run']//h:tr[h:th='Run by']/h:td"));
        assertEquals(f.file.sha256(), text("//h:table[@id='run']//h:tr[h:th='Plan SHA-256']/h:td"));
        assertEquals(f.file.text(), text("//h:pre[@id='plan']"));
    }

    @Test
    void everyVmHasItsResultRecoveryPointAndRto() throws Exception {
        assertEquals(4, count("//h:table[@id='vms']//h:tr[@class='vm']"));
        String failed = "//h:table[@id='vms']//h:tr[h:td[2]='web-2']";
        assertEquals("FAILED", text(failed + "/h:td[5]"));
        assertTrue(text(failed + "/h:td[8]").contains("web-2 is not in a valid state"));
        String ok = "//h:table[@id='vms']//h:tr[h:td[2]='db-1']";
        assertEquals("SUCCEEDED", text(ok + "/h:td[5]"));
        assertEquals("'Standard' 2026-11-30T16:00:00Z", text(ok + "/h:td[6]"));
        assertTrue(text(ok + "/h:td[7]").matches("\\d+ s"), text(ok + "/h:td[7]"));
    }

    @Test
    void theTimelineShowsEachVmsPhasesAndItsGroupsPostSteps() throws Exception {
        assertEquals(4, count("//h:table[@id='timeline']//h:div[@class='gantt']"));
        String db1 = "//h:table[@id='timeline']//h:tr[h:td[1]='db-1']";
        for (String phase : List.of("checks", "invoke", "start", "heartbeat", "post-steps")) {
            assertEquals(1, count(db1 + "//h:div[@class='bar ph-" + phase + "']"), phase);
        }
        assertEquals(0, count("//h:table[@id='timeline']//h:tr[h:td[1]='web-1']//h:div[@class='bar ph-post-steps']"));
        assertEquals(1, count("//h:table[@id='timeline']//h:tr[h:td[1]='web-2']//h:div[@class='bar ph-checks']"));
    }

    @Test
    void loadsNothingFromOutside() throws Exception {
        assertEquals(0, count("//@src | //@href | //h:link | //h:script | //h:img | //h:iframe"));
    }
}
