#!/usr/bin/env bash
# Measures start-to-ready of the packaged JVM application: the milliseconds from launching java to the first 200
# response of /q/health/ready. It starts a throwaway PostgreSQL 15 on a free loopback port, runs the application once
# to migrate the schema (not counted), then RUNS times. For each run it prints that time, the CPU time that the process
# used until then (user and system, all threads) and its resident memory when ready. The medians come last. On a busy
# machine the wall time grows with the load while the CPU time barely moves, so compare options by both.
#
# Usage, from the project directory after ./mvnw package:
#   src/docs/bench/start-to-ready.sh [RUNS] [-- JAVA_OPTION...]
# Environment: JAVA (default java), APP_DIR (default target/quarkus-app), PG_BIN (see throwaway-postgres.sh).
# Example: JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java src/docs/bench/start-to-ready.sh 7 -- -XX:AOTCache=app.aot
set -euo pipefail

runs=${1:-7}
shift || true
if [ "${1:-}" = "--" ]; then shift; fi
java_options=("$@")
java_command=${JAVA:-java}
app_dir=$(cd "${APP_DIR:-target/quarkus-app}" && pwd)

source "$(dirname "$0")/throwaway-postgres.sh"

echo "java: $("$java_command" -version 2>&1 | head -1); options: ${java_options[*]:-none}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
start_application "${java_options[@]}"
stop_application
clock_ticks=$(getconf CLK_TCK)
times=()
cpu_times=()
for run in $(seq 1 "$runs"); do
    start_application "${java_options[@]}"
    # Fields 14 and 15 of /proc/PID/stat: user and system time in clock ticks; the command name in field 2 has no spaces.
    read -r -a stat <"/proc/$app_pid/stat"
    cpu_millis=$(((stat[13] + stat[14]) * 1000 / clock_ticks))
    rss_kib=$(ps -o rss= -p "$app_pid" | tr -d ' ')
    stop_application
    echo "run $run: ${ready_millis} ms to ready, CPU ${cpu_millis} ms, RSS $((rss_kib / 1024)) MiB"
    times+=("$ready_millis")
    cpu_times+=("$cpu_millis")
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { printf '%s\n' "$@" | sort -n | sed -n "$(($# / 2 + 1))p"; }
echo "median of $runs runs: $(median "${times[@]}") ms to ready (min $(printf '%s\n' "${times[@]}" | sort -n | head -1)," \
    "max $(printf '%s\n' "${times[@]}" | sort -n | tail -1)), CPU $(median "${cpu_times[@]}") ms"
