package io.hypervwsman.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the password comes from: HYPERV_WSMAN_PASSWORD, a file (first line), or a prompt on a terminal.
 * Never a command-line value, so it never shows in process lists or shell history.
 */
final class PasswordSource {
    static final String ENV = "HYPERV_WSMAN_PASSWORD";

    private PasswordSource() {
    }

    /** Like ssh with a private key: a password file others can read is refused (POSIX file systems). */
    static void checkPrivate(Path file) {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        } catch (IOException e) {
            throw new UsageException("cannot read the password file " + file + ": " + e.getMessage());
        }
        for (java.nio.file.attribute.PosixFilePermission p : permissions) {
            if (p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_")) {
                throw new UsageException("the password file " + file + " can be used by other accounts ("
                        + java.nio.file.attribute.PosixFilePermissions.toString(permissions) + ")",
                        "make it yours alone: chmod 600 " + file);
            }
        }
    }

    static char[] read(Map<String, String> env, Path file, Console console, String user) {
        if (file != null) {
            checkPrivate(file);
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                int nl = content.indexOf('\n');
                String line = nl < 0 ? content : content.substring(0, nl);
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (line.isEmpty()) {
                    throw new UsageException("the password file " + file + " is empty");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new UsageException("cannot read the password file " + file + ": " + e.getMessage());
            }
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        if (console != null) {
            char[] typed = console.readPassword("Password for %s: ", user);
            if (typed != null && typed.length > 0) {
                return typed;
            }
        }
        throw new UsageException("no password for " + user + ": set " + ENV + ", use --password-file FILE, or run on a"
                + " terminal to be prompted");
    }
}
