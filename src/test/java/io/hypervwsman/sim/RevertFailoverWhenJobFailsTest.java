package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A revert job that ends in Exception: error fields, GetErrorEx's Msvm_Error instances, state unchanged. */
class RevertFailoverWhenJobFailsTest {
    private final SoapExchange host = new SoapExchange("revert-job-fails");

    @Test
    void theJobEndsInExceptionAndGetErrorExExplainsWhy() throws Exception {
        String job = SoapExchange.jobId(host.ok(SoapExchange.serviceMethod("HV01", "RevertFailover", SoapExchange.WEB01)));
        SoapExchange.Answer none = host.ok(SoapExchange.jobMethod(job, "GetErrorEx"));
        assertEquals("0", none.text("ReturnValue"));
        assertFalse(none.has("Errors"), "no errors while the job runs");

        host.clock.advance(Duration.ofSeconds(4));
        SoapExchange.Answer done = host.ok(SoapExchange.getJob(job));
        assertEquals("10", done.text("JobState"));
        assertEquals("32768", done.text("ErrorCode"));
        assertEquals("Reverting failover failed.", done.text("ErrorSummaryDescription"));
        assertTrue(done.text("ErrorDescription").contains("0x80070020"));
        assertEquals("5", host.ok(SoapExchange.getVm(SoapExchange.WEB01)).text("ReplicationState"));

        SoapExchange.Answer errors = host.ok(SoapExchange.jobMethod(job, "GetErrorEx"));
        assertEquals(SoapExchange.JOB + "/GetErrorExResponse", errors.text("Action"));
        assertEquals("0", errors.text("ReturnValue"));
        List<String> instances = errors.texts("Errors");
        assertEquals(2, instances.size());
        Document first = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(instances.get(0).getBytes(StandardCharsets.UTF_8)));
        assertEquals("Msvm_Error", first.getDocumentElement().getAttribute("CLASSNAME"));
        assertTrue(property(first, "Message").contains("0x80070020"));
        assertTrue(property(first, "ErrorSource").contains("Name=\"" + SoapExchange.WEB01 + "\""),
                property(first, "ErrorSource"));
    }

    private static String property(Document instance, String name) {
        NodeList props = instance.getElementsByTagName("PROPERTY");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (name.equals(p.getAttribute("NAME"))) {
                return p.getTextContent();
            }
        }
        throw new AssertionError("no property " + name);
    }
}
