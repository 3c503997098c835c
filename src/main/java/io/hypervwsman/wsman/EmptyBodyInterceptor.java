package io.hypervwsman.wsman;

import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageContentsList;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Lets a payload-mode Dispatch send an empty s:Body, which WS-Transfer Get requires: a null payload is
 * marked as "no part" before CXF's marshalling would try to write it.
 */
final class EmptyBodyInterceptor extends AbstractPhaseInterceptor<Message> {

    EmptyBodyInterceptor() {
        super(Phase.PRE_MARSHAL);
    }

    @Override
    public void handleMessage(Message message) {
        MessageContentsList parts = MessageContentsList.getContentsList(message);
        if (parts != null && parts.size() == 1 && parts.get(0) == null) {
            parts.set(0, MessageContentsList.REMOVED_MARKER);
        }
    }
}
