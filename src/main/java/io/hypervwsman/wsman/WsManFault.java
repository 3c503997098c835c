package io.hypervwsman.wsman;

import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * A SOAP 1.2 fault as WinRM sends it: Code and Subcodes (e.g. w:InvalidSelectors), Reason, and the
 * f:WSManFault detail with its numeric Code (e.g. 2150858843), Machine, Message and any WMI provider fault.
 *
 * @param code          s:Code/s:Value, e.g. s:Sender
 * @param subcodes      the s:Subcode values, outermost first
 * @param reason        s:Reason/s:Text
 * @param wsmanCode     f:WSManFault/@Code, if present
 * @param machine       f:WSManFault/@Machine, if present
 * @param message       the text of f:WSManFault/f:Message itself (its own text, without the elements a provider
 *                      nests in it); when it holds only an f:ProviderFault, that fault's inner f:Message
 * @param providerError the WMI error code inside an f:ProviderFault (e.g. 2147749890, not found), if present
 * @param provider      what the WMI provider added (f:ProviderFault, __ExtendedStatus, MSFT_WmiError) as
 *                      structured fields, or null when the fault carries none
 */
public record WsManFault(QName code, List<QName> subcodes, String reason, Long wsmanCode, String machine,
                         String message, Long providerError, ProviderFault provider) {

    public WsManFault {
        subcodes = List.copyOf(subcodes);
    }

    /** A fault without provider details. */
    public WsManFault(QName code, List<QName> subcodes, String reason, Long wsmanCode, String machine,
                      String message, Long providerError) {
        this(code, subcodes, reason, wsmanCode, machine, message, providerError, null);
    }

    /** The innermost subcode's local name (TimedOut, InvalidSelectors, ...), or the code's. */
    public String subcodeName() {
        return subcodes.isEmpty() ? code.getLocalPart() : subcodes.get(subcodes.size() - 1).getLocalPart();
    }

    /** True for w:TimedOut: the operation did not finish within OperationTimeout; a Pull may simply be retried. */
    public boolean isTimedOut() {
        return hasSubcode(WsManNamespace.WSMAN, "TimedOut");
    }

    public boolean hasSubcode(String ns, String local) {
        return subcodes.stream().anyMatch(q -> local.equals(q.getLocalPart())
                && (ns == null || ns.equals(q.getNamespaceURI())));
    }

    /** The most specific human text: the WSManFault message, else an MSFT_WmiError's Message, else the reason. */
    public String text() {
        return Optional.ofNullable(message).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(provider).map(ProviderFault::errorMessage).filter(s -> !s.isBlank()))
                .orElse(reason);
    }
}
