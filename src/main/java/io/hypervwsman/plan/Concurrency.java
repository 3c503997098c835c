package io.hypervwsman.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How many VMs of a group may be in flight at once, over the whole plan and on any one host.
 *
 * @param plan    at most this many VMs at once in the plan (default 8)
 * @param perHost at most this many VMs at once on one host (default 4)
 */
public record Concurrency(int plan, int perHost) {

    public static final Concurrency DEFAULT = new Concurrency(8, 4);

    @JsonCreator
    public Concurrency(@JsonProperty("plan") Integer plan, @JsonProperty("perHost") Integer perHost) {
        this(plan == null ? DEFAULT.plan : plan.intValue(), perHost == null ? DEFAULT.perHost : perHost.intValue());
    }

    public Concurrency {
        if (plan < 1 || perHost < 1) {
            throw new IllegalArgumentException("concurrency limits must be at least 1");
        }
    }
}
