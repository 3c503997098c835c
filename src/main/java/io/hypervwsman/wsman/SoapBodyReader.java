package io.hypervwsman.wsman;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageContentsList;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.staxutils.FragmentStreamReader;
import org.apache.cxf.staxutils.StaxUtils;

/**
 * Reads the reply's body element as DOM, the call's one result; null for an empty s:Body, an {@link Unreadable} when
 * it is not well-formed (the caller decides, after its own checks of the reply). Runs only on a reply that is not a
 * SOAP fault: CXF's fault check, before it, hands a fault to the fault chain instead.
 */
final class SoapBodyReader extends AbstractPhaseInterceptor<Message> {

    /** A body element the parser gave up on. */
    record Unreadable(Exception cause) {
    }

    SoapBodyReader() {
        super(Phase.UNMARSHAL);
    }

    @Override
    public void handleMessage(Message message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        Object body = null;
        if (reader != null && reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
            try {
                body = StaxUtils.read(new FragmentStreamReader(reader, true)).getDocumentElement();
            } catch (XMLStreamException | RuntimeException e) {
                // Woodstox behind CXF's reader also fails with unchecked exceptions (e.g. IllegalStateException on a
                // processing instruction it has already passed).
                body = new Unreadable(e);
            }
        }
        message.setContent(java.util.List.class, new MessageContentsList(new Object[] {body}));
    }
}
