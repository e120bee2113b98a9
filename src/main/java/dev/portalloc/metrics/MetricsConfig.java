package dev.portalloc.metrics;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the service's own metrics, under {@code portalloc.metrics.*}. The {@code @Scheduled} job of
 * {@link PoolUsageGauges} reads its interval through a config expression; this mapping makes validation accept the key
 * under the {@code portalloc} prefix and check its value at start, which it does only for mappings that are injected.
 */
@ConfigMapping(prefix = "portalloc.metrics")
public interface MetricsConfig {

    /** How often the gauges of slots and allocations per pool are counted again; scrapes read the last counts. */
    @WithDefault("15S")
    Duration poolUsageRefresh();
}
