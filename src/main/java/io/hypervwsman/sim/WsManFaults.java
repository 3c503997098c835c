package io.hypervwsman.sim;

/**
 * The faults a Windows host sends, with the reason texts and winerror.h codes it uses
 * (0x8033xxxx ERROR_WSMAN_*; inner WMI codes 0x8004xxxx).
 */
final class WsManFaults {
    private static final String EN = "en-US";
    private static final String DETAIL = "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/";
    private static final String MSFT_WMI_ERROR = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/MSFT_WmiError";

    private WsManFaults() {
    }

    private static SoapFault wsman(String code, String subcode, String reason, String faultDetail, long wsmanCode,
                                   String message) {
        return new SoapFault(WsManUris.WSMAN_FAULT_ACTION, code, subcode, reason, EN, faultDetail, wsmanCode,
                io.hypervwsman.xml.XmlEscape.escape(message));
    }

    /** 2150858843: a selector is missing, unexpected or malformed. */
    static SoapFault invalidSelectors() {
        String text = "The WS-Management service cannot process the request because the request contained invalid "
                + "selectors for the resource. ";
        return wsman("s:Sender", "w:InvalidSelectors", text, DETAIL + "UnexpectedSelectors", 2150858843L, text);
    }

    /**
     * 2150858752 with the WMI provider's inner 2147749890 (WBEM_E_NOT_FOUND): the instance does not exist.
     *
     * @param operation     the WMI operation (GetObject, ExecMethod)
     * @param parameterInfo the object path WMI was asked for
     */
    static SoapFault notFound(String operation, String parameterInfo) {
        String reason = "The WS-Management service cannot process the request. The service cannot find the resource "
                + "identified by the resource URI and selectors. ";
        String extended = "<p:__ExtendedStatus xmlns:p=\"" + WsManUris.classUri("__ExtendedStatus") + "\" xmlns:cim=\""
                + WsManUris.CIM + "\" xmlns:xsi=\"" + WsManUris.XSI + "\" xsi:type=\"p:__ExtendedStatus_Type\">"
                + "<p:Description xsi:nil=\"true\"/><p:Operation>" + io.hypervwsman.xml.XmlEscape.escape(operation) + "</p:Operation>"
                + "<p:ParameterInfo>" + io.hypervwsman.xml.XmlEscape.escape(parameterInfo) + "</p:ParameterInfo>"
                + "<p:ProviderName>VmmsWmiInstanceAndMethodProvider</p:ProviderName>"
                + "<p:StatusCode xsi:nil=\"true\"/></p:__ExtendedStatus>";
        String message = "<f:ProviderFault provider=\"WMI Provider\" path=\"%systemroot%\\system32\\WsmWmiPl.dll\">"
                + "<f:WSManFault xmlns:f=\"" + WsManUris.WSMAN_FAULT + "\" Code=\"2147749890\" Machine=\"{machine}\">"
                + "<f:Message>Not found </f:Message></f:WSManFault><f:ExtendedError>" + extended
                + "</f:ExtendedError></f:ProviderFault>";
        return new SoapFault(WsManUris.ADDRESSING_FAULT_ACTION, "s:Sender", "a:DestinationUnreachable", reason, EN,
                null, 2150858752L, message);
    }

    /**
     * 2150858778: the WQL filter is not valid. As Windows sends it (the shape of
     * test-fixtures/windows-shapes/fault-cannot-process-filter-extended-status.xml):
     * n:CannotProcessFilter, WS-Enumeration's own reason text, and WMI's explanation in an f:ProviderFault.
     */
    static SoapFault cannotProcessFilter(String why) {
        String reason = "The data source could not process the filter. The filter might be missing or it might be "
                + "invalid. Change the filter and try the request again.  ";
        String message = "<f:ProviderFault provider=\"WMI Provider\" path=\"%systemroot%\\system32\\WsmWmiPl.dll\">"
                + "<f:WSManFault xmlns:f=\"" + WsManUris.WSMAN_FAULT + "\" Code=\"2150858778\" Machine=\"{machine}\">"
                + "<f:Message>" + io.hypervwsman.xml.XmlEscape.escape("The WQL query is invalid: " + why + " ")
                + "</f:Message></f:WSManFault></f:ProviderFault>";
        return new SoapFault(WsManUris.ENUMERATION_FAULT_ACTION, "s:Sender", "n:CannotProcessFilter", reason, EN, null,
                2150858778L, message);
    }

    /** 2150858777: a filter dialect other than WQL. */
    static SoapFault filterDialectUnavailable() {
        String text = "The WS-Management service does not support the specified filter dialect. ";
        return wsman("s:Sender", "n:FilterDialectRequestedUnavailable", text, null, 2150858777L, text);
    }

    /** 2150858779: the context was released, used up, replaced by a later one or has expired. */
    static SoapFault invalidEnumerationContext() {
        String text = "The WS-Management service cannot process the request because the enumeration context supplied "
                + "in the message is not valid. ";
        return wsman("s:Sender", "w:InvalidEnumerationContext", text, null, 2150858779L, text);
    }

    /** 2150858793: the operation did not finish within OperationTimeout. */
    static SoapFault timedOut() {
        String text = "The WS-Management service cannot complete the operation within the time specified in "
                + "OperationTimeout.  ";
        return new SoapFault(WsManUris.WSMAN_FAULT_ACTION, "s:Receiver", "w:TimedOut", text, EN, null, 2150858793L,
                io.hypervwsman.xml.XmlEscape.escape(text));
    }

    /**
     * 2150859174 (0x803381A6): the per-user operation quota is used up. Windows reports quota faults as
     * s:Sender / w:QuotaLimit with an MSFT_WmiError in s:Detail and no a:RelatesTo (the shape of
     * test-fixtures/windows-shapes/fault-quota-msft-wmierror-no-relatesto.xml).
     */
    static SoapFault quota() {
        String reason = "The WS-Management service cannot process the request. The maximum number of concurrent "
                + "operations for this user has been exceeded. Close existing operations for this user, or raise the "
                + "quota for this user. ";
        String message = io.hypervwsman.xml.XmlEscape.escape("The WS-Management service cannot process the request. "
                + "This user is allowed a maximum number of 25 concurrent operations, which has been exceeded. Close "
                + "existing operations for this user, or raise the quota for this user. ");
        String error = "<p:MSFT_WmiError b:IsCIM_Error=\"true\" xmlns:b=\"" + WsManUris.CIM_BINDING + "\" xmlns:cim=\""
                + WsManUris.CIM + "\" xmlns:p=\"" + MSFT_WMI_ERROR + "\" xmlns:xsi=\"" + WsManUris.XSI
                + "\" xsi:type=\"p:MSFT_WmiError_Type\">"
                + typed("CIMStatusCode", "cimUnsignedInt", "27") + nil("CIMStatusCodeDescription")
                + nil("ErrorSource") + typed("ErrorSourceFormat", "cimUnsignedShort", "0")
                + typed("ErrorType", "cimUnsignedShort", "0") + typed("Message", "cimString", message)
                + typed("MessageID", "cimString", "HRESULT 0x803381a6") + nil("OtherErrorSourceFormat")
                + nil("OtherErrorType") + nil("OwningEntity") + typed("PerceivedSeverity", "cimUnsignedShort", "0")
                + typed("ProbableCause", "cimUnsignedShort", "0") + nil("ProbableCauseDescription")
                + typed("error_Category", "cimUnsignedInt", "30") + typed("error_Code", "cimUnsignedInt", "2150859174")
                + typed("error_Type", "cimString", "HRESULT") + typed("error_WindowsErrorMessage", "cimString", message)
                + "</p:MSFT_WmiError>";
        return SoapFault.wmiError(WsManUris.WSMAN_FAULT_ACTION, "s:Sender", "w:QuotaLimit", reason, EN, 2150859174L,
                error);
    }

    private static String typed(String name, String cimType, String value) {
        return "<p:" + name + " xsi:type=\"cim:" + cimType + "\">" + value + "</p:" + name + ">";
    }

    private static String nil(String name) {
        return "<p:" + name + " xsi:nil=\"true\" xsi:type=\"cim:cimString\"/>";
    }

    /** 2150858753: an action this resource does not have (e.g. an unknown method). */
    static SoapFault actionNotSupported(String action) {
        String reason = "The action is not supported by the service. ";
        return new SoapFault(WsManUris.ADDRESSING_FAULT_ACTION, "s:Sender", "a:ActionNotSupported", reason, EN, null,
                2150858753L, io.hypervwsman.xml.XmlEscape.escape("The WS-Management service cannot process the request because the "
                        + "action " + action + " is not valid for the resource. "));
    }

    /** 2150858810: the method input is missing or malformed. */
    static SoapFault invalidParameter(String why) {
        String reason = "The WS-Management service cannot process the request because a parameter is not valid. ";
        return wsman("s:Sender", "w:InvalidParameter", reason, null, 2150858810L, reason + why);
    }
}
