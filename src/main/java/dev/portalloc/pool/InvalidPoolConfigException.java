package dev.portalloc.pool;

/** Pool configuration that the service cannot run with; it stops at start with this message. */
public class InvalidPoolConfigException extends RuntimeException {

    public InvalidPoolConfigException(String message) {
        super("Invalid pool configuration: " + message);
    }
}
