package io.hypervwsman.wsman;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageContentsList;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.staxutils.FragmentStreamReader;
import org.apache.cxf.staxutils.StaxUtils;
import org.w3c.dom.Element;

/**
 * Reads the reply's body element as DOM, the call's one result; null for an empty s:Body. Runs only on a reply that
 * is not a SOAP fault: CXF's fault check, before it, hands a fault to the fault chain instead.
 */
final class SoapBodyReader extends AbstractPhaseInterceptor<Message> {

    SoapBodyReader() {
        super(Phase.UNMARSHAL);
    }

    @Override
    public void handleMessage(Message message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        Element body = null;
        if (reader != null && reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
            try {
                body = StaxUtils.read(new FragmentStreamReader(reader, true)).getDocumentElement();
            } catch (XMLStreamException | RuntimeException e) {
                // Woodstox behind CXF's reader also fails with unchecked exceptions (e.g. IllegalStateException on a
                // processing instruction it has already passed): a reply we cannot read is the host's protocol error.
                throw new Fault(new ProtocolException("the host's reply body is not well-formed XML: "
                        + SoapClient.rootMessage(e), e));
            }
        }
        message.setContent(java.util.List.class, new MessageContentsList(new Object[] {body}));
    }
}
