package io.hypervwsman.wsman;

import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;

/**
 * Inbound check on every reply, faults included: its a:RelatesTo must name the MessageID we sent.
 * Also declares the WS-Addressing and WS-Management headers Windows marks mustUnderstand as understood.
 */
final class ReplyHeaderCheck extends AbstractSoapInterceptor {
    /** Exchange property: the MessageID of the request in flight. */
    static final String MESSAGE_ID = ReplyHeaderCheck.class.getName() + ".messageId";

    private static final QName RELATES_TO = new QName(WsManNamespace.ADDRESSING, "RelatesTo");
    private static final Set<QName> UNDERSTOOD = Set.of(
            new QName(WsManNamespace.ADDRESSING, "Action"),
            new QName(WsManNamespace.ADDRESSING, "To"),
            new QName(WsManNamespace.ADDRESSING, "MessageID"),
            RELATES_TO,
            new QName(WsManNamespace.ADDRESSING, "ReplyTo"),
            new QName(WsManNamespace.WSMAN, "ResourceURI"),
            new QName(WsManNamespace.WSMAN, "SelectorSet"),
            new QName(WsManNamespace.WSMAN, "OperationTimeout"),
            new QName(WsManNamespace.WSMAN, "MaxEnvelopeSize"),
            new QName(WsManNamespace.WSMAN, "Locale"),
            new QName(WsManNamespace.WSMAN, "DataLocale"));

    ReplyHeaderCheck() {
        super(Phase.PRE_PROTOCOL);
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return UNDERSTOOD;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Message out = message.getExchange().getOutMessage();
        Object expected = out == null ? null : out.get(MESSAGE_ID);
        if (expected == null) {
            return;
        }
        String relatesTo = null;
        for (Header h : message.getHeaders()) {
            if (RELATES_TO.equals(h.getName()) && h.getObject() instanceof Element e) {
                relatesTo = e.getTextContent().trim();
            }
        }
        if (!expected.equals(relatesTo)) {
            throw new Fault(new ProtocolException(relatesTo == null
                    ? "the host's reply has no a:RelatesTo; it cannot be matched to request " + expected
                    : "the host's reply relates to " + relatesTo + ", not to our request " + expected
                            + "; refused (a reply to another request must never be taken for ours)"));
        }
    }
}
