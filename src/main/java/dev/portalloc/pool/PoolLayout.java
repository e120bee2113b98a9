package dev.portalloc.pool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The port layout of one pool: slot i is backend {@code backendStart + step*i} and frontend {@code frontendStart + step*i},
 * for every i whose two ports stay within their ranges.
 */
public record PoolLayout(String name, PortRange backend, PortRange frontend, int step, Set<Integer> reserved,
        List<Pattern> modelPatterns) {

    /** Rule for pool names, in configuration keys and in requests alike. */
    public static final String NAME_PATTERN = "[A-Za-z0-9._-]{1,64}";
    public static final String NAME_RULE = "must be 1 to 64 letters, digits, '.', '_' or '-'";

    public PoolLayout {
        Objects.requireNonNull(name);
        reserved = Set.copyOf(reserved);
        modelPatterns = List.copyOf(modelPatterns);
    }

    /** Number of slots: as many as the shorter of the two ranges holds. */
    public int slotCount() {
        return Math.min(backend.slotCount(step), frontend.slotCount(step));
    }

    public int backendPort(int slot) {
        return backend.start() + step * slot;
    }

    public int frontendPort(int slot) {
        return frontend.start() + step * slot;
    }

    /** The slot whose backend port is {@code port}, if the layout has one. */
    public OptionalInt slotOfBackend(int port) {
        return slotOf(port, backend.start());
    }

    /** The slot whose frontend port is {@code port}, if the layout has one. */
    public OptionalInt slotOfFrontend(int port) {
        return slotOf(port, frontend.start());
    }

    private OptionalInt slotOf(int port, int start) {
        int offset = port - start;
        if (offset < 0 || offset % step != 0 || offset / step >= slotCount()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(offset / step);
    }

    /** Whether the pair is exactly one slot of this layout. */
    public boolean containsPair(int backendPort, int frontendPort) {
        OptionalInt slot = slotOfBackend(backendPort);
        return slot.isPresent() && frontendPort(slot.getAsInt()) == frontendPort;
    }

    public boolean isReserved(int port) {
        return reserved.contains(port);
    }

    /** Whether a request without a pool for this model belongs here. */
    public boolean matchesModel(String model) {
        return modelPatterns.stream().anyMatch(pattern -> pattern.matcher(model).matches());
    }

    /** SHA-256 of everything that decides which ports a slot has and whether it may be used, in hex. */
    public String fingerprint() {
        String reservedPorts = new TreeSet<>(reserved).stream().map(String::valueOf).collect(Collectors.joining(","));
        String text = "backend=%s;frontend=%s;step=%d;reserved=%s".formatted(backend, frontend, step, reservedPorts);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A closed range of ports. */
    public record PortRange(int start, int end) {

        int slotCount(int step) {
            return end < start ? 0 : (end - start) / step + 1;
        }

        public boolean overlaps(PortRange other) {
            return start <= other.end && other.start <= end;
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }
}
