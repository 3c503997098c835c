package io.hypervwsman.wsman;

import com.ibm.wsdl.extensions.PopulatedExtensionRegistry;
import java.util.Map;
import javax.wsdl.Definition;
import javax.wsdl.extensions.ExtensionRegistry;
import javax.wsdl.factory.WSDLFactory;
import org.apache.cxf.service.model.ServiceSchemaInfo;
import org.apache.cxf.wsdl.WSDLManager;
import org.w3c.dom.Element;

/**
 * The bus's {@link WSDLManager} for a client that reads no WSDL. CXF's SOAP binding asks the bus for one only to
 * create the SOAP 1.2 extensibility elements (binding, operation, body) of the endpoint it builds in memory; CXF's own
 * {@code WSDLManagerImpl} would also load every WSDL extension of the bus (the XML binding's and WS-Addressing's,
 * whose JAXB extension helpers define classes with ASM at run time), a third of the time it takes to create a
 * client in a fresh JVM (BENCHMARKS.md, "One-shot commands"). wsdl4j's populated registry holds the standard SOAP,
 * HTTP and MIME extensions, which is all the binding asks for. Everything that would read or keep a WSDL document
 * refuses.
 */
final class NoWsdlManager implements WSDLManager {
    private final ExtensionRegistry registry = new PopulatedExtensionRegistry();

    @Override
    public ExtensionRegistry getExtensionRegistry() {
        return registry;
    }

    @Override
    public WSDLFactory getWSDLFactory() {
        throw refused();
    }

    @Override
    public Definition getDefinition(String url) {
        throw refused();
    }

    @Override
    public Definition getDefinition(Element element) {
        throw refused();
    }

    @Override
    public void addDefinition(Object key, Definition wsdl) {
        throw refused();
    }

    @Override
    public Map<Object, Definition> getDefinitions() {
        return Map.of();
    }

    @Override
    public ServiceSchemaInfo getSchemasForDefinition(Definition wsdl) {
        return null;
    }

    @Override
    public void putSchemasForDefinition(Definition wsdl, ServiceSchemaInfo schemas) {
        throw refused();
    }

    @Override
    public void removeDefinition(Definition wsdl) {
        // nothing is kept
    }

    @Override
    public void removeDefinition(String url) {
        // nothing is kept
    }

    private static UnsupportedOperationException refused() {
        return new UnsupportedOperationException("hyperv-wsman's SOAP client reads no WSDL");
    }
}
