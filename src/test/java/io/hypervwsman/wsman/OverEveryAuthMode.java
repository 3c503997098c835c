package io.hypervwsman.wsman;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of a class once per way a client reaches the fixtures: plain HTTP, NTLM with message encryption,
 * and Kerberos (SPNEGO against the embedded KDC) with message encryption. The class takes the mode in a
 * {@code @Parameter FixtureHost.Mode} field and opens its {@link FixtureHost} with it, so one test body is shown to
 * hold whatever authentication and sealing sit underneath.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ParameterizedClass(name = "over {0}")
@EnumSource(value = FixtureHost.Mode.class, names = {"PLAIN", "NTLM_ENCRYPTED", "KERBEROS_ENCRYPTED"})
@ExtendWith(KerberosFixtureExtension.class)
@interface OverEveryAuthMode {
}
