package io.hypervwsman.hyperv;

/** The documented meanings of the ReturnValue of Hyper-V Replica methods (hyperv-replica.md 1.5). */
public final class ReturnValues {
    public static final long COMPLETED = 0;
    public static final long JOB_STARTED = 4096;

    private ReturnValues() {
    }

    public static String meaning(long value) {
        switch ((int) value) {
            case 0: return "Completed with No Error";
            case 4096: return "Method Parameters Checked - Job Started";
            case 32768: return "Failed";
            case 32769: return "Access Denied";
            case 32770: return "Not Supported";
            case 32771: return "Status is unknown";
            case 32772: return "Timeout";
            case 32773: return "Invalid parameter";
            case 32774: return "System is in use";
            case 32775: return "Invalid state for this operation";
            case 32776: return "Incorrect data type";
            case 32777: return "System is not available";
            case 32778: return "Out of memory";
            case 32779: return "File not found";
            default: return "Unknown return value";
        }
    }
}
