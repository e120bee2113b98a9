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
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import dev.portalloc.pool.PoolLayout;

/** A pool name as configured: 1 to 64 letters, digits, '.', '_' or '-'. Null means "choose for me". */
@Documented
@Pattern(regexp = PoolLayout.NAME_PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface PoolName {

    String message() default PoolLayout.NAME_RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
