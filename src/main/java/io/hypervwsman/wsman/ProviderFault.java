package io.hypervwsman.wsman;

/**
 * What a WMI provider said about a failure, as Windows carries it beside (never inside) the fault message:
 * the {@code f:ProviderFault} element and its {@code f:ExtendedError}, or an {@code MSFT_WmiError} in the fault
 * detail. Every field is null when the host did not send it.
 *
 * <p>From {@code f:ProviderFault}: {@code provider} and {@code path} (its attributes, e.g. "WMI Provider" and
 * {@code %systemroot%\system32\WsmWmiPl.dll}), {@code code} and {@code machine} (the inner {@code f:WSManFault}'s
 * Code and Machine, e.g. 2147749890 = 0x80041002, WBEM_E_NOT_FOUND) and {@code message} (its {@code f:Message}).
 *
 * <p>From the {@code __ExtendedStatus} instance (or a subclass such as {@code Win32_TerminalError}) in
 * {@code f:ExtendedError}: {@code operation} (e.g. GetObject, ExecQuery), {@code parameterInfo} (the object path
 * or query), {@code providerName} (e.g. CIMWin32, WinMgmt) and {@code statusCode}.
 *
 * <p>From an {@code MSFT_WmiError} instance: {@code errorCode} ({@code error_Code}), {@code errorCategory}
 * ({@code error_Category}), {@code errorMessage} ({@code Message}) and {@code cimStatusCode} ({@code CIMStatusCode}).
 */
public record ProviderFault(String provider, String path, Long code, String machine, String message,
                            String operation, String parameterInfo, String providerName, Long statusCode,
                            Long errorCode, Long errorCategory, String errorMessage, Long cimStatusCode) {

    /** One line for logs and --verbose: the fields the host sent, as name=value pairs. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        add(sb, "provider", provider);
        add(sb, "path", path);
        add(sb, "code", code);
        add(sb, "machine", machine);
        add(sb, "message", message);
        add(sb, "operation", operation);
        add(sb, "parameterInfo", parameterInfo);
        add(sb, "providerName", providerName);
        add(sb, "statusCode", statusCode);
        add(sb, "errorCode", errorCode);
        add(sb, "errorCategory", errorCategory);
        add(sb, "errorMessage", errorMessage);
        add(sb, "cimStatusCode", cimStatusCode);
        return sb.toString();
    }

    private static void add(StringBuilder sb, String name, Object value) {
        if (value != null) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(name).append('=').append(value);
        }
    }
}
