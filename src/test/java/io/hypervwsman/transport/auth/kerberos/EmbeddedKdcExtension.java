package io.hypervwsman.transport.auth.kerberos;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects the JVM-wide {@link EmbeddedKdc}, started on first use and stopped when the test run ends. */
public final class EmbeddedKdcExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedKdc.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedKdc.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return kdc(context);
    }

    /** The JVM-wide KDC; the root store lives for the whole run and closes AutoCloseable values at its end. */
    public static EmbeddedKdc kdc(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(EmbeddedKdc.class, key -> EmbeddedKdc.start(), EmbeddedKdc.class);
    }
}
