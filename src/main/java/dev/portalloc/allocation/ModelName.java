package dev.portalloc.allocation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A model name: 1 to 200 characters (Unicode code points), no control characters, no U+FFFD (the mark of text that was
 * not valid UTF-8), no leading or trailing whitespace. Null is valid here; combine with {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = ModelNameValidator.class)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface ModelName {

    int MAX_LENGTH = 200;

    String message() default "must be 1 to 200 characters without control characters or leading or trailing whitespace";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
