package io.hypervwsman.wsman;

import io.hypervwsman.transport.Transport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.apache.cxf.common.logging.LogUtils;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.apache.cxf.transport.AbstractConduit;
import org.slf4j.LoggerFactory;

/**
 * The CXF conduit that hands each serialized SOAP request to our {@link Transport} (HTTP, authentication,
 * encryption) and feeds the plaintext reply back into CXF's inbound chain. CXF never sees HTTP or keys.
 */
final class TransportConduit extends AbstractConduit {
    private static final Logger CXF_LOG = LogUtils.getL7dLogger(TransportConduit.class);
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("io.hypervwsman.wire");

    private final Transport transport;

    TransportConduit(Transport transport) {
        super(null);
        this.transport = transport;
    }

    @Override
    public void prepare(Message message) {
        message.setContent(OutputStream.class, new ByteArrayOutputStream(2048));
    }

    @Override
    public void close(Message message) throws IOException {
        OutputStream os = message.getContent(OutputStream.class);
        if (!(os instanceof ByteArrayOutputStream out)) {
            super.close(message);
            return;
        }
        byte[] request = out.toByteArray();
        if (LOG.isDebugEnabled()) {
            LOG.debug("request:\n{}", new String(request, StandardCharsets.UTF_8));
        }
        Transport.SoapReply reply = transport.exchange(request);
        if (LOG.isDebugEnabled()) {
            LOG.debug("reply (HTTP {}):\n{}", reply.status(), new String(reply.envelope(), StandardCharsets.UTF_8));
        }
        ReplyProlog.rejectDoctype(reply.envelope());

        Exchange exchange = message.getExchange();
        Message in = new MessageImpl();
        in.setExchange(exchange);
        in.put(Message.RESPONSE_CODE, reply.status());
        in.put(Message.CONTENT_TYPE, "application/soap+xml; charset=utf-8");
        in.put(Message.ENCODING, "UTF-8");
        in.setContent(InputStream.class, new ByteArrayInputStream(reply.envelope()));
        exchange.setInMessage(in);
        incomingObserver.onMessage(in);
    }

    @Override
    protected Logger getLogger() {
        return CXF_LOG;
    }
}
