package io.hypervwsman.sim;

/** Namespaces, actions and resource URIs the simulated host speaks (MS-WSMV, DSP0226). */
final class WsManUris {
    static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String ENUMERATION = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    static final String TRANSFER = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    static final String EVENTING = "http://schemas.xmlsoap.org/ws/2004/08/eventing";
    static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    static final String MS_WSMAN = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
    static final String WSMAN_FAULT = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";
    static final String CIM = "http://schemas.dmtf.org/wbem/wscim/1/common";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String CIM_BINDING = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd";
    static final String ANONYMOUS = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";

    static final String WQL_DIALECT = "http://schemas.microsoft.com/wbem/wsman/1/WQL";

    static final String GET = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";
    static final String ENUMERATE = ENUMERATION + "/Enumerate";
    static final String PULL = ENUMERATION + "/Pull";
    static final String RELEASE = ENUMERATION + "/Release";
    static final String WSMAN_FAULT_ACTION = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
    static final String ADDRESSING_FAULT_ACTION = ADDRESSING + "/fault";
    static final String ENUMERATION_FAULT_ACTION = ENUMERATION + "/fault";

    static final String CIM_NAMESPACE = "root/virtualization/v2";
    static final String CLASS_PREFIX = "http://schemas.microsoft.com/wbem/wsman/1/wmi/" + CIM_NAMESPACE + "/";
    static final String NAMESPACE_WILDCARD = CLASS_PREFIX + "*";

    private WsManUris() {
    }

    /** The resource URI of a class in root/virtualization/v2. */
    static String classUri(String className) {
        return CLASS_PREFIX + className;
    }
}
