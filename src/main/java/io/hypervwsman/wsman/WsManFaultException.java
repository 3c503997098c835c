package io.hypervwsman.wsman;

import io.hypervwsman.HyperVWsManException;

/** The host answered with a WS-Management fault; the request was understood and refused or failed. */
public class WsManFaultException extends HyperVWsManException {
    private static final long serialVersionUID = 1L;
    private final transient WsManFault fault;

    public WsManFaultException(String operation, WsManFault fault) {
        super(operation + " failed on the host: " + fault.subcodeName()
                + (fault.wsmanCode() == null ? "" : " (" + fault.wsmanCode() + ")") + ": " + oneLine(fault.text()));
        this.fault = fault;
    }

    public WsManFault fault() {
        return fault;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
