package io.hypervwsman.wsman;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;

/**
 * One CXF bus for all clients in this JVM, created on first use and kept out of CXF's global default so that
 * hyperv-wsman never changes the bus other CXF users in the same JVM see. {@link SoapClient} builds its service model
 * by hand, so nothing asks the bus for its WSDL manager: no WSDL extension registry is ever loaded.
 */
final class PrivateBus {
    static final Bus BUS = create();

    private PrivateBus() {
    }

    private static Bus create() {
        Bus before = BusFactory.getDefaultBus(false);
        Bus threadBefore = BusFactory.getThreadDefaultBus(false);
        Bus bus = BusFactory.newInstance().createBus();
        // Our interceptors live on the client. Bus-wide ones come only from extensions found on the class path, e.g.
        // CXF's WS-Policy engine in an application that has cxf-rt-ws-policy: four interceptors on every message of
        // ours, for policies WinRM never publishes.
        bus.getInInterceptors().clear();
        bus.getOutInterceptors().clear();
        bus.getInFaultInterceptors().clear();
        bus.getOutFaultInterceptors().clear();
        if (before == null) {
            BusFactory.setDefaultBus(null);
        }
        BusFactory.setThreadDefaultBus(threadBefore);
        return bus;
    }
}
