package io.hypervwsman.wsman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Transport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One client shared by many threads, as a recovery plan shares it: each call's headers, MessageID and RelatesTo check
 * stay with that call. The transport runs on the calling thread, so it can tell whether the request it is handed is
 * the one that thread built; every eighth call is answered with a RelatesTo of another message, which must fail that
 * call alone.
 */
class ConcurrentCallsTest {
    private static final int THREADS = 8;
    private static final int CALLS = 40;
    private static final Pattern NAME = Pattern.compile("<w:Selector Name=\"Name\">([^<]*)</w:Selector>");
    private static final Pattern MESSAGE_ID = Pattern.compile("<a:MessageID>([^<]*)</a:MessageID>");

    /** Answers a Get with the instance named in the request, related to the request's MessageID. */
    private static final class EchoHost implements Transport {
        final ConcurrentLinkedQueue<String> foreign = new ConcurrentLinkedQueue<>();

        @Override
        public SoapReply exchange(byte[] envelope) {
            String request = new String(envelope, StandardCharsets.UTF_8);
            Matcher name = NAME.matcher(request);
            Matcher id = MESSAGE_ID.matcher(request);
            assertTrue(name.find() && id.find(), request);
            String caller = Thread.currentThread().getName();
            if (!name.group(1).startsWith(caller + "-")) {
                foreign.add(caller + " sent " + name.group(1));
            }
            boolean mismatch = name.group(1).endsWith("-7");
            String relatesTo = mismatch ? "uuid:00000000-0000-0000-0000-000000000000" : id.group(1);
            return new SoapReply(200, ("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                    + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\"><s:Header><a:RelatesTo>"
                    + relatesTo + "</a:RelatesTo></s:Header><s:Body><p:Msvm_ComputerSystem xmlns:p=\""
                    + GetInstanceTest.CS + "\"><p:Name>" + name.group(1) + "</p:Name></p:Msvm_ComputerSystem>"
                    + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void eachCallKeepsItsOwnHeadersAndReplyCheck() throws Exception {
        EchoHost host = new EchoHost();
        WsManClient client = new WsManClient(ConnectionOptions.builder(URI.create("http://127.0.0.1:1/wsman"))
                .auth(AuthMode.NONE, null).build(), host, UUID::randomUUID);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> refused = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                refused.add(pool.submit(() -> {
                    start.await();
                    int mismatches = 0;
                    String me = Thread.currentThread().getName();
                    for (int i = 0; i < CALLS; i++) {
                        String name = me + "-" + (i % 8);
                        try {
                            CimInstance vm = client.get(GetInstanceTest.CS, SelectorSet.of("Name", name));
                            assertEquals(name, vm.string("Name").orElseThrow());
                        } catch (ProtocolException e) {
                            assertTrue(name.endsWith("-7") && e.getMessage().contains("relates to"), e.getMessage());
                            mismatches++;
                        }
                    }
                    return mismatches;
                }));
            }
            start.countDown();
            for (Future<Integer> f : refused) {
                assertEquals(CALLS / 8, f.get(60, TimeUnit.SECONDS), "each thread's refused replies");
            }
            assertEquals(List.of(), List.copyOf(host.foreign), "requests carrying another thread's headers");
        } finally {
            pool.shutdownNow();
        }
    }
}
