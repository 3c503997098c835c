package io.hypervwsman.bench.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one action in a loop on N threads: a warm-up, then a measured window bounded in time and in
 * requests. Reports requests, wall time and the CPU time of the calling threads (the client's side).
 */
final class Load {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** What one measured window gave. */
    record Result(long requests, long wallNanos, long clientCpuNanos, long processCpuNanos) {
        double perSecond() {
            return requests * 1e9 / wallNanos;
        }

        /** Mean time per exchange on one connection (threads / throughput). */
        double microsPerExchange(int threads) {
            return wallNanos / 1e3 * threads / requests;
        }

        double clientCpuMicros() {
            return clientCpuNanos / 1e3 / requests;
        }

        double processCpuMicros() {
            return processCpuNanos / 1e3 / requests;
        }
    }

    private Load() {
    }

    static Result run(int threads, Duration warmUp, Duration measure, long maxRequests, Runnable action)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(threads);
        long warmEnd = System.nanoTime() + warmUp.toNanos();
        long[] end = new long[1];
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    try {
                        while (System.nanoTime() < warmEnd) {
                            action.run();
                        }
                    } finally {
                        ready.countDown();
                    }
                    go.await();
                    long until = end[0];
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    while (System.nanoTime() < until && done.incrementAndGet() <= maxRequests) {
                        action.run();
                    }
                    cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }, "load-" + i);
            workers.add(t);
        }
        workers.forEach(Thread::start);
        ready.await();
        long start = System.nanoTime();
        long processStart = processCpu();
        end[0] = start + measure.toNanos();
        go.countDown();
        finished.await();
        long wall = System.nanoTime() - start;
        long processCpu = processCpu() - processStart;
        if (failure.get() != null) {
            throw new IllegalStateException("load failed: " + failure.get(), failure.get());
        }
        long requests = Math.min(done.get(), maxRequests);
        return new Result(Math.max(1, requests), wall, cpu.get(), processCpu);
    }

    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
