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
 * Inbound check on every reply, faults included, against the MessageID we sent. The rule:
 * <ul>
 *   <li>a reply whose a:RelatesTo names another message is refused, fault or not: a reply to another request
 *       must never be taken for ours;</li>
 *   <li>a reply without a:RelatesTo is noted on the {@link Outcome}; {@link SoapClient} accepts it only when
 *       it is a SOAP fault. Windows answers some failures (quota faults carried as MSFT_WmiError) without
 *       a:RelatesTo; HTTP is one request and one reply on one connection, so such a fault can only answer the
 *       request just sent. A success reply without a:RelatesTo is still refused;</li>
 *   <li>the UUID in a:RelatesTo is compared without regard to the case of its hex digits (RFC 4122: UUIDs are
 *       case-insensitive on input), since a host echoes the MessageID as the client wrote it.</li>
 * </ul>
 * Also declares the WS-Addressing and WS-Management headers Windows marks mustUnderstand as understood.
 */
final class ReplyHeaderCheck extends AbstractSoapInterceptor {
    /** Exchange property: the MessageID of the request in flight. */
    static final String MESSAGE_ID = ReplyHeaderCheck.class.getName() + ".messageId";
    /** Exchange property: the {@link Outcome} this check reports to. */
    static final String OUTCOME = ReplyHeaderCheck.class.getName() + ".outcome";

    /** What the check saw on the reply to one request. */
    static final class Outcome {
        private volatile boolean relatesToMissing;

        boolean relatesToMissing() {
            return relatesToMissing;
        }
    }

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

    static String missingRelatesTo(String messageId) {
        return "the host's reply has no a:RelatesTo; it cannot be matched to request " + messageId
                + " (only a SOAP fault is accepted without one)";
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
        if (relatesTo == null) {
            if (out.get(OUTCOME) instanceof Outcome outcome) {
                outcome.relatesToMissing = true;
                return;
            }
            throw new Fault(new ProtocolException(missingRelatesTo(expected.toString())));
        }
        if (!expected.toString().equalsIgnoreCase(relatesTo)) {
            throw new Fault(new ProtocolException("the host's reply relates to " + relatesTo + ", not to our request "
                    + expected + "; refused (a reply to another request must never be taken for ours)"));
        }
    }
}
