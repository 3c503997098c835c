package io.hypervwsman.bench.wsman;

import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.WsManClient;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a short-lived process (the CLI) pays: one Get in a fresh JVM, each fork measuring a single call.
 * {@code connectAndFirstGet} includes creating the client (and with it CXF's bus and service model);
 * {@code secondGet} is the next call on a client that has made one, still long before the JIT has caught up.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@State(Scope.Thread)
public class ColdStartBenchmark {
    private CannedTransport transport;
    private WsManClient client;

    @Setup(Level.Trial)
    public void readFixtures() {
        transport = WsManClientBenchmark.fakeHost();
    }

    @TearDown(Level.Trial)
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    @Benchmark
    public CimInstance connectAndFirstGet() {
        client = WsManClientBenchmark.connect(transport);
        return WsManClientBenchmark.get(client);
    }

    /** The second Get of the process; the first one runs untimed in set-up. */
    @State(Scope.Thread)
    public static class Connected {
        WsManClient client;

        @Setup(Level.Trial)
        public void connectAndGetOnce() {
            client = WsManClientBenchmark.connect(WsManClientBenchmark.fakeHost());
            WsManClientBenchmark.get(client);
        }

        @TearDown(Level.Trial)
        public void close() {
            client.close();
        }
    }

    @Benchmark
    public CimInstance secondGet(Connected connected) {
        return WsManClientBenchmark.get(connected.client);
    }
}
