package io.hypervwsman.bench.ntlm;

import io.hypervwsman.transport.auth.SessionSecurity;
import io.hypervwsman.transport.auth.SessionSecurity.WrappedMessage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * NTLM session security (MS-NLMP 3.4.4.2, RC4 + HMAC-MD5) per message: {@code wrap} is seal+sign of an
 * outgoing message, {@code unwrap} is verify+unseal of an incoming one.
 *
 * <p>Each direction's RC4 stream runs across messages, so a sealed message can be unwrapped only once and
 * only in order. {@code unwrap} therefore takes a batch of {@value #BATCH} messages that the peer sealed,
 * untimed, just before each invocation, and reports the time per message.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NtlmSessionSecurityBenchmark {
    static final int BATCH = 32;

    /** One authenticated session and the message size under test. */
    @State(Scope.Thread)
    public static class Session {
        @Param({"4096", "65536"})
        int size;

        byte[] plaintext;
        SessionSecurity client;
        SessionSecurity server;

        @Setup(Level.Trial)
        public void handshake() {
            plaintext = Payloads.soapLike(size);
            NtlmSessionPair pair = NtlmSessionPair.handshake();
            client = pair.client();
            server = pair.server();
        }
    }

    /**
     * A session plus the replies its client reads next, sealed by the server in the order they will be
     * read. It extends {@link Session} rather than depending on it: JMH would give a dependent state its own
     * instance of {@code Session}, whose streams are not the ones the benchmark method reads with.
     */
    @State(Scope.Thread)
    public static class Replies extends Session {
        final WrappedMessage[] batch = new WrappedMessage[BATCH];

        @Setup(Level.Invocation)
        public void sealNextBatch() {
            for (int i = 0; i < BATCH; i++) {
                batch[i] = server.wrap(plaintext);
            }
        }
    }

    @Benchmark
    public WrappedMessage wrap(Session session) {
        return session.client.wrap(session.plaintext);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void unwrap(Replies replies, Blackhole sink) {
        for (WrappedMessage message : replies.batch) {
            sink.consume(replies.client.unwrap(message.signature(), message.sealed()));
        }
    }
}
