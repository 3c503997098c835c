package io.hypervwsman.bench.wsman;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The floor under {@link WsManClientBenchmark}: the same reply envelopes parsed into a DOM by the JDK's
 * parser, configured securely (no DOCTYPE, no external entities), and nothing else. The difference to the
 * client's numbers is envelope building plus CXF's and the client's own work on the reply.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ReplyParseFloorBenchmark {
    private static final String RELATES_TO = "uuid:7B1F0C55-3A8D-4A59-9C1E-2D6F0A7B8C90";

    private DocumentBuilder parser;
    private byte[] getReply;
    private byte[] invokeReply;
    private byte[] pullReply;

    @Setup(Level.Trial)
    public void prepare() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        parser = factory.newDocumentBuilder();
        getReply = ReplyTemplate.of(WsManFixtures.getComputerSystem()).relatingTo(RELATES_TO);
        invokeReply = ReplyTemplate.of(WsManFixtures.invokeRevertFailover()).relatingTo(RELATES_TO);
        pullReply = ReplyTemplate.of(WsManFixtures.finalPullResponse(WsManClientBenchmark.PULL_ITEMS))
                .relatingTo(RELATES_TO);
    }

    @Benchmark
    public Document getReply() throws IOException, SAXException {
        return parser.parse(new ByteArrayInputStream(getReply));
    }

    @Benchmark
    public Document invokeReply() throws IOException, SAXException {
        return parser.parse(new ByteArrayInputStream(invokeReply));
    }

    @Benchmark
    public Document pull100Reply() throws IOException, SAXException {
        return parser.parse(new ByteArrayInputStream(pullReply));
    }
}
