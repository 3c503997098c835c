package io.hypervwsman.sim;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes reply envelopes the way a Windows WinRM service does: one line, {@code xml:lang} on the envelope,
 * header order Action, MessageID, (p:ActivityId), To, RelatesTo, and no mustUnderstand on the Action.
 */
final class ReplyEnvelope {
    static final String CONTENT_TYPE = "application/soap+xml;charset=UTF-8";

    /** Which namespaces the envelope declares; Windows varies them by operation. */
    enum Kind {
        TRANSFER("xmlns:a=\"" + WsManUris.ADDRESSING + "\" xmlns:x=\"" + WsManUris.TRANSFER + "\" xmlns:w=\""
                + WsManUris.WSMAN + "\" xmlns:p=\"" + WsManUris.MS_WSMAN + "\"", true),
        ENUMERATION("xmlns:a=\"" + WsManUris.ADDRESSING + "\" xmlns:n=\"" + WsManUris.ENUMERATION + "\" xmlns:w=\""
                + WsManUris.WSMAN + "\" xmlns:p=\"" + WsManUris.MS_WSMAN + "\"", true),
        FAULT("xmlns:a=\"" + WsManUris.ADDRESSING + "\" xmlns:x=\"" + WsManUris.TRANSFER + "\" xmlns:e=\""
                + WsManUris.EVENTING + "\" xmlns:n=\"" + WsManUris.ENUMERATION + "\" xmlns:w=\"" + WsManUris.WSMAN
                + "\" xmlns:p=\"" + WsManUris.MS_WSMAN + "\"", false);

        private final String declarations;
        private final boolean activityId;

        Kind(String declarations, boolean activityId) {
            this.declarations = declarations;
            this.activityId = activityId;
        }
    }

    private final Supplier<UUID> ids;

    ReplyEnvelope(Supplier<UUID> ids) {
        this.ids = ids;
    }

    /** The whole envelope as UTF-8 bytes; without a:RelatesTo when {@code relatesTo} is null. */
    byte[] write(Kind kind, String action, String relatesTo, String bodyContent) {
        StringBuilder s = new StringBuilder(bodyContent.length() + 1024);
        s.append("<s:Envelope xml:lang=\"en-US\" xmlns:s=\"").append(WsManUris.SOAP).append("\" ")
                .append(kind.declarations).append("><s:Header>")
                .append("<a:Action>").append(io.hypervwsman.xml.XmlEscape.escape(action)).append("</a:Action>")
                .append("<a:MessageID>uuid:").append(upper(ids.get())).append("</a:MessageID>");
        if (kind.activityId) {
            s.append("<p:ActivityId>").append(upper(ids.get())).append("</p:ActivityId>");
        }
        s.append("<a:To>").append(WsManUris.ANONYMOUS).append("</a:To>");
        if (relatesTo != null) {
            s.append("<a:RelatesTo>").append(io.hypervwsman.xml.XmlEscape.escape(relatesTo)).append("</a:RelatesTo>");
        }
        s.append("</s:Header><s:Body>").append(bodyContent).append("</s:Body></s:Envelope>");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String upper(UUID id) {
        return id.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
