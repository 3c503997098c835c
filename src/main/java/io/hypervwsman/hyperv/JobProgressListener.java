package io.hypervwsman.hyperv;

/** Told each time a followed job is read, e.g. to draw a progress bar. */
@FunctionalInterface
public interface JobProgressListener {

    void update(JobReport report);

    /** Ignores updates. */
    JobProgressListener NONE = r -> { };
}
