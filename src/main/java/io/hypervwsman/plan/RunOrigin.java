package io.hypervwsman.plan;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who ran a plan and from where, for the journal and the drill report (never a credential). */
public record RunOrigin(String user, String machine) {

    /** This process's user and machine name. */
    public static RunOrigin current() {
        String machine;
        try {
            machine = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            machine = System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
        return new RunOrigin(System.getProperty("user.name", "unknown"), machine);
    }

    String describe() {
        return user + "@" + machine;
    }
}
