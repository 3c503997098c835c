package io.hypervwsman.wsman;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.w3c.dom.Element;

/**
 * A lazy walk over every item of a WS-Enumeration, pulling batch after batch as the caller advances.
 * Closing it before the end releases the enumeration context on the host; use try-with-resources
 * (or close the {@link #stream()}). Not thread-safe.
 */
public final class Enumeration<T> implements Iterator<T>, AutoCloseable {
    private final WsManClient client;
    private final String resourceUri;
    private final EnumerateOptions options;
    private final Function<Element, T> mapper;
    private final Deque<Element> buffer = new ArrayDeque<>();
    private String context;
    private boolean ended;
    private int pulls;

    Enumeration(WsManClient client, String resourceUri, EnumerateOptions options, Function<Element, T> mapper,
                EnumerationBatch first) {
        this.client = client;
        this.resourceUri = resourceUri;
        this.options = options;
        this.mapper = mapper;
        accept(first);
    }

    private void accept(EnumerationBatch batch) {
        buffer.addAll(batch.items());
        context = batch.context();
        ended = batch.endOfSequence() || context == null;
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty() && !ended) {
            try {
                accept(client.pull(resourceUri, context, options));
                pulls++;
            } catch (RuntimeException e) {
                ended = true;
                throw e;
            }
        }
        return !buffer.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return mapper.apply(buffer.poll());
    }

    /** How many Pull requests this enumeration has made so far. */
    public int pullCount() {
        return pulls;
    }

    /** The items as a sequential stream; closing the stream closes this enumeration. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /** Releases the enumeration context if the host still holds one. */
    @Override
    public void close() {
        if (!ended && context != null) {
            ended = true;
            buffer.clear();
            client.release(resourceUri, context);
        }
        ended = true;
    }
}
