package io.hypervwsman.wsman;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * One batch of an enumeration, read from an EnumerateResponse or a PullResponse. Optimized Enumerate
 * replies carry w:Items / w:EndOfSequence in the wsman namespace while Pull replies use the
 * enumeration namespace; both are accepted in both places.
 */
record EnumerationBatch(List<Element> items, String context, boolean endOfSequence) {

    static EnumerationBatch read(Element response) {
        Element ctx = XmlElements.firstChild(response, WsManNamespace.ENUMERATION, "EnumerationContext");
        List<Element> items = new ArrayList<>();
        boolean end = false;
        for (Element child : XmlElements.children(response)) {
            boolean known = WsManNamespace.WSMAN.equals(child.getNamespaceURI())
                    || WsManNamespace.ENUMERATION.equals(child.getNamespaceURI());
            if (!known) {
                continue;
            }
            if ("Items".equals(child.getLocalName())) {
                items.addAll(XmlElements.children(child));
            } else if ("EndOfSequence".equals(child.getLocalName())) {
                end = true;
            }
        }
        String context = ctx == null ? null : ctx.getTextContent().trim();
        return new EnumerationBatch(items, context == null || context.isEmpty() ? null : context, end);
    }
}
