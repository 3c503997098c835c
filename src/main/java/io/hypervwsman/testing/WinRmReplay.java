package io.hypervwsman.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays a recording (made with {@code --record DIR}) as a WinRM host that requires NTLM and message encryption,
 * and injects its {@link WinRmEndpoint} into test and lifecycle method parameters. On a class: one server for the
 * class, rewound before each test; on a method: a server for that test only.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(WinRmReplayExtension.class)
public @interface WinRmReplay {
    /** The recording's directory (holding mappings/ and __files/), relative to the working directory. */
    String value();

    /** The account the replayed host accepts; the password is random per run (see {@link WinRmEndpoint}). */
    String user() default "LAB\\operator";
}
