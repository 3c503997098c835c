package io.hypervwsman.sim;

/**
 * A SOAP fault the host answers with instead of a result; thrown from wherever the request fails and
 * written by the backend. The detail holds the Microsoft f:WSManFault with its winerror.h code, or, for the faults
 * Windows reports through WMI's MI layer (quota), an MSFT_WmiError instance, and then the reply carries no
 * a:RelatesTo, as Windows sends it (test-fixtures/windows-shapes/fault-quota-msft-wmierror-no-relatesto.xml).
 */
final class SoapFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String action;
    private final String code;
    private final String subcode;
    private final String reason;
    private final String reasonLanguage;
    private final String faultDetail;
    private final long wsmanCode;
    private final String messageXml;
    private final boolean wmiErrorDetail;

    SoapFault(String action, String code, String subcode, String reason, String reasonLanguage, String faultDetail,
              long wsmanCode, String messageXml) {
        this(action, code, subcode, reason, reasonLanguage, faultDetail, wsmanCode, messageXml, false);
    }

    /** A fault whose s:Detail is {@code wmiErrorXml} (a p:MSFT_WmiError element) and whose reply has no a:RelatesTo. */
    static SoapFault wmiError(String action, String code, String subcode, String reason, String reasonLanguage,
                              long errorCode, String wmiErrorXml) {
        return new SoapFault(action, code, subcode, reason, reasonLanguage, null, errorCode, wmiErrorXml, true);
    }

    private SoapFault(String action, String code, String subcode, String reason, String reasonLanguage, String faultDetail,
              long wsmanCode, String messageXml, boolean wmiErrorDetail) {
        super(subcode + " " + wsmanCode + ": " + reason, null, false, false);
        this.action = action;
        this.code = code;
        this.subcode = subcode;
        this.reason = reason;
        this.reasonLanguage = reasonLanguage;
        this.faultDetail = faultDetail;
        this.wsmanCode = wsmanCode;
        this.messageXml = messageXml;
        this.wmiErrorDetail = wmiErrorDetail;
    }

    /** False for the faults Windows sends without a:RelatesTo (those carrying an MSFT_WmiError). */
    boolean relatesToRequest() {
        return !wmiErrorDetail;
    }

    String action() {
        return action;
    }

    String subcode() {
        return subcode;
    }

    long wsmanCode() {
        return wsmanCode;
    }

    /** The s:Fault element, for a host whose FQDN is {@code machine}. */
    String toXml(String machine) {
        StringBuilder s = new StringBuilder(512);
        s.append("<s:Fault><s:Code><s:Value>").append(code).append("</s:Value><s:Subcode><s:Value>").append(subcode)
                .append("</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"").append(reasonLanguage)
                .append("\">").append(io.hypervwsman.xml.XmlEscape.escape(reason)).append("</s:Text></s:Reason><s:Detail>");
        if (wmiErrorDetail) {
            return s.append(messageXml).append("</s:Detail></s:Fault>").toString();
        }
        if (faultDetail != null) {
            s.append("<w:FaultDetail>").append(faultDetail).append("</w:FaultDetail>");
        }
        s.append("<f:WSManFault xmlns:f=\"").append(WsManUris.WSMAN_FAULT).append("\" Code=\"").append(wsmanCode)
                .append("\" Machine=\"").append(io.hypervwsman.xml.XmlEscape.escape(machine)).append("\"><f:Message>")
                .append(messageXml.replace("{machine}", io.hypervwsman.xml.XmlEscape.escape(machine)))
                .append("</f:Message></f:WSManFault></s:Detail></s:Fault>");
        return s.toString();
    }
}
