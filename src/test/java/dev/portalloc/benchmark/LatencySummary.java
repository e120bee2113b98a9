package dev.portalloc.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Throughput and latency percentiles of one measured run. */
record LatencySummary(int requests, double seconds, double p50Millis, double p99Millis) {

    /** Summarizes request latencies in nanoseconds, measured over {@code wallNanos} of wall-clock time. */
    static LatencySummary of(long[] latencyNanos, long wallNanos) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, wallNanos / 1e9, percentile(sorted, 50), percentile(sorted, 99));
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }

    /** Returns the median of each figure over several runs, taken figure by figure. */
    static LatencySummary median(List<LatencySummary> runs) {
        return new LatencySummary(runs.get(0).requests(), median(runs, LatencySummary::seconds),
                median(runs, LatencySummary::p50Millis), median(runs, LatencySummary::p99Millis));
    }

    private static double median(List<LatencySummary> runs, ToDoubleFunction<LatencySummary> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    double throughput() {
        return requests / seconds;
    }
}
