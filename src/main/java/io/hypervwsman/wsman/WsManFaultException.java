package io.hypervwsman.wsman;

import io.hypervwsman.HyperVWsManException;

/** The host answered with a WS-Management fault; the request was understood and refused or failed. */
public class WsManFaultException extends HyperVWsManException {
    private static final long serialVersionUID = 1L;
    private final transient WsManFault fault;

    public WsManFaultException(String operation, WsManFault fault) {
        super(operation + " failed on the host: " + fault.subcodeName()
                + (code(fault) == null ? "" : " (" + code(fault) + ")") + ": " + oneLine(fault.text()));
        this.fault = fault;
    }

    public WsManFault fault() {
        return fault;
    }

    /** The f:WSManFault code, else the error code of an MSFT_WmiError detail (Windows' quota faults carry only that). */
    private static Long code(WsManFault fault) {
        if (fault.wsmanCode() != null) {
            return fault.wsmanCode();
        }
        return fault.provider() == null ? null : fault.provider().errorCode();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
