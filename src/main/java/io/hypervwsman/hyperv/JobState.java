package io.hypervwsman.hyperv;

/** CIM_ConcreteJob.JobState values and how hyperv-wsman reads them (hyperv-replica.md 3.1). */
public final class JobState {
    private JobState() {
    }

    public static String name(long state) {
        switch ((int) state) {
            case 2: return "New";
            case 3: return "Starting";
            case 4: return "Running";
            case 5: return "Suspended";
            case 6: return "ShuttingDown";
            case 7: return "Completed";
            case 8: return "Terminated";
            case 9: return "Killed";
            case 10: return "Exception";
            case 11: return "Service";
            case 12: return "QueryPending";
            case 32768: return "CompletedWithWarnings";
            default: return "Unknown(" + state + ")";
        }
    }

    /** Still going: New, Starting, Running, Suspended, Shutting Down, Query Pending. */
    public static boolean isRunning(long state) {
        return state >= 2 && state <= 6 || state == 12;
    }

    /** Ended well: Completed, or Completed with Warnings (32768, a vendor value Microsoft's tools treat as success). */
    public static boolean isSuccess(long state) {
        return state == 7 || state == 32768;
    }

    /** Ended badly: Terminated, Killed, Exception, Service. */
    public static boolean isFailure(long state) {
        return state >= 8 && state <= 11;
    }
}
