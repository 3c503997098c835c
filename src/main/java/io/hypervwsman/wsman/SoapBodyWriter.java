package io.hypervwsman.wsman;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.staxutils.StaxUtils;
import org.w3c.dom.Element;

/**
 * Writes the request's body element (the call's one parameter) into the s:Body that CXF's SOAP binding has opened;
 * a null parameter leaves the body empty, as WS-Transfer Get requires.
 */
final class SoapBodyWriter extends AbstractPhaseInterceptor<Message> {

    SoapBodyWriter() {
        super(Phase.MARSHAL);
    }

    @Override
    public void handleMessage(Message message) {
        List<?> parameters = message.getContent(List.class);
        if (parameters == null || parameters.isEmpty() || !(parameters.get(0) instanceof Element body)) {
            return;
        }
        XMLStreamWriter writer = message.getContent(XMLStreamWriter.class);
        try {
            StaxUtils.copy(body, writer);
        } catch (XMLStreamException e) {
            throw new Fault(e);
        }
    }
}
