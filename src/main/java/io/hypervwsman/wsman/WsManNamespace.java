package io.hypervwsman.wsman;

/** The XML namespaces, actions and well-known URIs of WS-Management as Windows speaks it. */
public final class WsManNamespace {
    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    public static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static final String ENUMERATION = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public static final String TRANSFER = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public static final String CIM = "http://schemas.dmtf.org/wbem/wscim/1/common";
    /** Microsoft's WS-Management extensions (MS-WSMV), prefix p: DataLocale, SessionId, ... */
    public static final String MS_WSMAN = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
    public static final String FAULT = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String XML = "http://www.w3.org/XML/1998/namespace";
    /** The namespace of namespace declarations themselves (xmlns:p attributes). */
    public static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    /** The reply-to address meaning "answer on this HTTP connection". */
    public static final String ANONYMOUS = ADDRESSING + "/role/anonymous";
    /** The filter dialect for WQL queries. */
    public static final String WQL_DIALECT = "http://schemas.microsoft.com/wbem/wsman/1/WQL";
    /** The association filter dialect of the WS-Management CIM binding (DSP0227). */
    public static final String ASSOCIATION_DIALECT = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter";
    /** The CIM binding's namespace, prefix b: the association filter's elements. */
    public static final String CIM_BINDING = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd";
    /** Prefix of every WMI class resource URI; the namespace path and class name follow. */
    public static final String WMI_RESOURCE_PREFIX = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";

    public static final String ACTION_GET = TRANSFER + "/Get";
    public static final String ACTION_ENUMERATE = ENUMERATION + "/Enumerate";
    public static final String ACTION_PULL = ENUMERATION + "/Pull";
    public static final String ACTION_RELEASE = ENUMERATION + "/Release";

    private WsManNamespace() {
    }

    /** The resource URI of a WMI class, e.g. {@code wmiClass("root/virtualization/v2", "Msvm_ConcreteJob")}. */
    public static String wmiClass(String wmiNamespace, String className) {
        return WMI_RESOURCE_PREFIX + trimSlashes(wmiNamespace) + "/" + className;
    }

    /** The resource URI for a WQL enumeration across the classes of a WMI namespace ({@code .../*}). */
    public static String wmiNamespaceWildcard(String wmiNamespace) {
        return WMI_RESOURCE_PREFIX + trimSlashes(wmiNamespace) + "/*";
    }

    private static String trimSlashes(String ns) {
        String n = ns.replace('\\', '/');
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }
}
