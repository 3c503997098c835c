package io.hypervwsman.testing;

import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** Runs the {@link WinRmReplayServer} that {@link WinRmReplay} asks for and resolves {@link WinRmEndpoint} parameters. */
public final class WinRmReplayExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WinRmReplayExtension.class);
    private static final String CLASS_SERVER = "class-server";
    private static final String METHOD_SERVER = "method-server";

    @Override
    public void beforeAll(ExtensionContext context) {
        annotation(context.getRequiredTestClass()).ifPresent(a -> context.getStore(NAMESPACE).put(CLASS_SERVER, start(a)));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<WinRmReplay> onMethod = annotation(context.getRequiredTestMethod());
        if (onMethod.isPresent()) {
            context.getStore(NAMESPACE).put(METHOD_SERVER, start(onMethod.get()));
            return;
        }
        WinRmReplayServer shared = context.getStore(NAMESPACE).get(CLASS_SERVER, WinRmReplayServer.class);
        if (shared != null) {
            shared.restart();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close(context.getStore(NAMESPACE).remove(METHOD_SERVER, WinRmReplayServer.class));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close(context.getStore(NAMESPACE).remove(CLASS_SERVER, WinRmReplayServer.class));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WinRmEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        WinRmReplayServer server = store.get(METHOD_SERVER, WinRmReplayServer.class);
        if (server == null) {
            server = store.get(CLASS_SERVER, WinRmReplayServer.class);
        }
        if (server == null) {
            throw new ParameterResolutionException("no @WinRmReplay server is running for "
                    + parameter.getDeclaringExecutable() + " (a method-level @WinRmReplay serves only its own test)");
        }
        return server.endpoint();
    }

    private static Optional<WinRmReplay> annotation(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, WinRmReplay.class);
    }

    private static WinRmReplayServer start(WinRmReplay replay) {
        return WinRmReplayServer.start(Path.of(replay.value()), replay.user());
    }

    private static void close(WinRmReplayServer server) {
        if (server != null) {
            server.close();
        }
    }
}
