package dev.portalloc.pool;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The default pool plus pools with their own ranges, model patterns, reserved ports and a changed layout. */
public class PoolsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        // Short, so that a test of a held lock gets its 503 quickly.
        config.put("portalloc.lock-timeout", "1S");
        // The default pool's layout on another host: the same ports, legitimately held in both pools.
        putPool(config, "mirror", 5001, 7999, 8001, 10999, 2);
        putPool(config, "gpu-hosts", 20000, 20999, 21000, 21999, 1);
        putPool(config, "llama", 30000, 30099, 30100, 30199, 1);
        config.put("portalloc.pools.llama.models", "meta-llama/.*,.*-llama-.*");
        // Slot 1 contains reserved backend 31001, slot 3 reserved frontend 31103.
        putPool(config, "reserving", 31000, 31009, 31100, 31109, 1);
        config.put("portalloc.pools.reserving.reserved", "31001,31103");
        putPool(config, "tiny", 40000, 40004, 40100, 40104, 1);
        // Before the restart that LayoutChangeTest plays, this pool had step 1 and ranges 41000-41009 and 41100-41109.
        putPool(config, "moved", 41000, 41019, 41100, 41119, 2);
        // 9,536 slots, more than the probes of SlotAllocator cover before they reach their maximum length.
        putPool(config, "wide", 46000, 55535, 56000, 65535, 1);
        return config;
    }

    private static void putPool(Map<String, String> config, String name, int backendStart, int backendEnd,
            int frontendStart, int frontendEnd, int step) {
        String key = "portalloc.pools." + name + ".";
        config.put(key + "backend-start", String.valueOf(backendStart));
        config.put(key + "backend-end", String.valueOf(backendEnd));
        config.put(key + "frontend-start", String.valueOf(frontendStart));
        config.put(key + "frontend-end", String.valueOf(frontendEnd));
        config.put(key + "step", String.valueOf(step));
    }
}
