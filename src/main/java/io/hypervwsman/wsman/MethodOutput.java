package io.hypervwsman.wsman;

import org.w3c.dom.Element;

/** The _OUTPUT of a WMI method: ReturnValue and the out parameters, e.g. a Job reference. */
public final class MethodOutput extends CimInstance {

    MethodOutput(Element element) {
        super(element);
    }

    /** The method's ReturnValue (0 done, 4096 job started, others per the method's table). */
    public long returnValue() {
        return number("ReturnValue").orElseThrow(() -> new ProtocolException(
                className() + " carries no ReturnValue"));
    }
}
