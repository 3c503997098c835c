package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.JobReport;

/** How a run words the endings of its job: a verb speaks of its VM, a job wait of the job. */
interface Words {

    /** Ended well; {@code job} is null when the ReturnValue said so without a job. */
    String done(JobReport job);

    String failed(JobReport job);

    String timedOut(String jobId, JobReport last);

    String vanished();

    String unreadable(Exception error);

    /** For a verb on a VM. */
    record ForVerb(OperationRun run, String detail) implements Words {
        @Override
        public String done(JobReport job) {
            return run.operation().command() + " completed for " + run.vmName()
                    + (job != null && job.jobState() == 32768 ? " with warnings" : "") + detail;
        }

        @Override
        public String failed(JobReport job) {
            String why = job.errorDescription() != null ? job.errorDescription()
                    : job.errorSummary() != null ? job.errorSummary() : "no description";
            return run.operation().command() + " failed for " + run.vmName() + ": job " + job.state() + ", error "
                    + job.errorCode() + ": " + why.replaceAll("\\s+", " ").trim();
        }

        @Override
        public String timedOut(String jobId, JobReport last) {
            return "gave up waiting after " + OperationRun.human(run.options().timeout()) + "; job " + jobId
                    + " is still " + (last == null ? "unread" : last.state()) + " on " + run.host();
        }

        @Override
        public String vanished() {
            return "the job is gone from the host (finished jobs are kept about 5 minutes)";
        }

        @Override
        public String unreadable(Exception error) {
            return "the job could not be read (" + error.getMessage() + ")";
        }
    }

    /** For waiting on a job by its InstanceID. */
    record ForJobWait(String jobId, OperationRun run) implements Words {
        @Override
        public String done(JobReport job) {
            return "job " + jobId + " ended " + job.state();
        }

        @Override
        public String failed(JobReport job) {
            return done(job) + ", error " + job.errorCode() + ": " + job.errorDescription();
        }

        @Override
        public String timedOut(String id, JobReport last) {
            return "job " + jobId + " is still running after " + OperationRun.human(run.options().timeout());
        }

        @Override
        public String vanished() {
            return "job " + jobId + " is gone from " + run.host() + "; check the VM's replication state";
        }

        @Override
        public String unreadable(Exception error) {
            return "job " + jobId + " cannot be read: " + error.getMessage();
        }
    }
}
