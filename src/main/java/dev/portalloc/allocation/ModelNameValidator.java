package dev.portalloc.allocation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ModelName} and reports the first rule a name breaks. */
public class ModelNameValidator implements ConstraintValidator<ModelName, String> {

    /** The character that decoders put in place of bytes that are not valid UTF-8, as in a Latin-1 query value. */
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    @Override
    public boolean isValid(String name, ConstraintValidatorContext context) {
        if (name == null) {
            return true;
        }
        String broken = brokenRule(name);
        if (broken == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(broken).addConstraintViolation();
        return false;
    }

    /** The rule that {@code name} breaks, or null when it is valid. */
    static String brokenRule(String name) {
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > ModelName.MAX_LENGTH) {
            return "must be 1 to 200 characters long, but has " + length;
        }
        if (name.codePoints().anyMatch(ModelNameValidator::isForbidden)) {
            return "must not contain control characters or unpaired surrogates";
        }
        if (name.indexOf(REPLACEMENT_CHARACTER) >= 0) {
            return "must be valid UTF-8, but contains U+FFFD, the character that replaces bytes that could not be decoded";
        }
        if (isSpace(name.codePointAt(0)) || isSpace(name.codePointBefore(name.length()))) {
            return "must not start or end with whitespace";
        }
        return null;
    }

    private static boolean isForbidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.SURROGATE;
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
