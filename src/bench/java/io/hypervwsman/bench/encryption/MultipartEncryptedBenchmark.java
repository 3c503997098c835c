package io.hypervwsman.bench.encryption;

import io.hypervwsman.bench.ntlm.NtlmSessionPair;
import io.hypervwsman.bench.ntlm.Payloads;
import io.hypervwsman.transport.auth.SessionSecurity;
import io.hypervwsman.transport.encryption.EncryptedMessage;
import io.hypervwsman.transport.encryption.MultipartEncrypted;
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
 * WinRM HTTP message encryption (MS-WSMV 2.2.9.1) with NTLM session security, whole messages:
 * {@code encode} seals, signs and frames a request; {@code decode} checks the framing of a reply, verifies
 * and unseals it; {@code roundTrip} is one request encoded by the client and decoded by the server.
 *
 * <p>As in the NTLM benchmark, replies can be decoded only once and in order, so {@code decode} reads a
 * batch of {@value #BATCH} replies the server encoded, untimed, just before each invocation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MultipartEncryptedBenchmark {
    static final int BATCH = 32;

    /** One authenticated session and the SOAP size under test. */
    @State(Scope.Thread)
    public static class Session {
        @Param({"4096", "65536"})
        int size;

        byte[] soap;
        SessionSecurity client;
        SessionSecurity server;

        @Setup(Level.Trial)
        public void handshake() {
            soap = Payloads.soapLike(size);
            NtlmSessionPair pair = NtlmSessionPair.handshake();
            client = pair.client();
            server = pair.server();
        }
    }

    /**
     * A session plus the encrypted replies its client reads next, in the order the server encoded them.
     * It extends {@link Session} rather than depending on it: JMH would give a dependent state its own
     * instance of {@code Session}, whose streams are not the ones the benchmark method reads with.
     */
    @State(Scope.Thread)
    public static class Replies extends Session {
        final EncryptedMessage[] batch = new EncryptedMessage[BATCH];

        @Setup(Level.Invocation)
        public void encodeNextBatch() {
            for (int i = 0; i < BATCH; i++) {
                batch[i] = MultipartEncrypted.encode(soap, server);
            }
        }
    }

    @Benchmark
    public EncryptedMessage encode(Session session) {
        return MultipartEncrypted.encode(session.soap, session.client);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void decode(Replies replies, Blackhole sink) {
        for (EncryptedMessage reply : replies.batch) {
            sink.consume(MultipartEncrypted.decode(reply.contentType(), reply.body(), replies.client));
        }
    }

    @Benchmark
    public byte[] roundTrip(Session session) {
        EncryptedMessage request = MultipartEncrypted.encode(session.soap, session.client);
        return MultipartEncrypted.decode(request.contentType(), request.body(), session.server);
    }
}
