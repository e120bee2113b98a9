package dev.portalloc.allocation;

/** A key holds no allocation. */
public class AllocationNotFoundException extends RuntimeException {

    public AllocationNotFoundException(String pool, String model, int appNumber) {
        super("no allocation for model '%s' app %d%s".formatted(model, appNumber,
                pool == null ? "" : " in pool '" + pool + "'"));
    }
}
