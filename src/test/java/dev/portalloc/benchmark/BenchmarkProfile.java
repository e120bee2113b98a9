package dev.portalloc.benchmark;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Four wide pools, each its own port space of 30,000 slots (backend 1001-31000, frontend 31001-61000), so the table can
 * hold 50,000 allocations and more. They overlap each other on purpose, as pools on separate hosts do.
 */
public class BenchmarkProfile implements QuarkusTestProfile {

    static final int POOLS = 4;
    static final int BACKEND_START = 1001;
    static final int FRONTEND_START = 31001;

    static String pool(int index) {
        return "bench-" + index;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < POOLS; i++) {
            String key = "portalloc.pools." + pool(i) + ".";
            config.put(key + "backend-start", String.valueOf(BACKEND_START));
            config.put(key + "backend-end", "31000");
            config.put(key + "frontend-start", String.valueOf(FRONTEND_START));
            config.put(key + "frontend-end", "61000");
        }
        return config;
    }
}
