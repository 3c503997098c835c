package io.hypervwsman.testing;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.AnnotationSupport;

/** What the per-test simulator extensions share: their annotation (method before class) and their running value. */
final class PerTestStore {
    private static final String RUNNING = "running";

    private PerTestStore() {
    }

    /** The test method's annotation, else its class's. */
    static <A extends Annotation> A annotation(ExtensionContext context, Class<A> type) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), type)
                .or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), type))
                .orElseThrow(() -> new ExtensionConfigurationException("@" + type.getSimpleName() + " is missing"));
    }

    static void put(ExtensionContext context, Class<?> extension, Object running) {
        context.getStore(ExtensionContext.Namespace.create(extension)).put(RUNNING, running);
    }

    static <T> T remove(ExtensionContext context, Class<?> extension, Class<T> type) {
        return context.getStore(ExtensionContext.Namespace.create(extension)).remove(RUNNING, type);
    }

    /** The running value a parameter is resolved from; outside a test that has one, a clear error. */
    static <T> T running(ExtensionContext context, Class<?> extension, Class<T> type, ParameterContext parameter,
                         String what) {
        T running = context.getStore(ExtensionContext.Namespace.create(extension)).get(RUNNING, type);
        if (running == null) {
            throw new ParameterResolutionException(what + " per test: " + parameter.getDeclaringExecutable()
                    + " runs outside one");
        }
        return running;
    }
}
