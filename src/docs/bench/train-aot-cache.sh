#!/usr/bin/env bash
# Writes the JDK's AOT cache (JDK 25 or later, JEP 483/514/515) for the packaged application from a training run. The
# script starts the application with -XX:AOTCacheOutput against a throwaway PostgreSQL and sends it the requests of a
# generator and an operator. Then it stops the application, and the JVM writes APP_DIR/app.aot on exit. Package with
# the aot-jar type first, because the AOT cache cannot hold classes of Quarkus' own class loader:
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw package -DskipTests -Dquarkus.package.jar.type=aot-jar
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java src/docs/bench/train-aot-cache.sh
# Then start with -XX:AOTCache=app.aot from APP_DIR, on the same JDK build.
# Environment: JAVA (default java), APP_DIR (default target/quarkus-app), PG_BIN (see throwaway-postgres.sh).
set -euo pipefail

java_command=${JAVA:-java}
app_dir=$(cd "${APP_DIR:-target/quarkus-app}" && pwd)
apps=${TRAINING_APPS:-200}

source "$(dirname "$0")/throwaway-postgres.sh"

rm -f "$app_dir/app.aot"
start_application -XX:AOTCacheOutput=app.aot
base="http://127.0.0.1:$app_port"
for app in $(seq 1 "$apps"); do
    curl -fs -o /dev/null -X POST "$base/api/v1/allocations" -H 'Content-Type: application/json' \
        -d "{\"model\": \"training-model-$((app % 7))\", \"appNumber\": $app}"
    curl -fs -o /dev/null "$base/api/v1/allocations/lookup?model=training-model-$((app % 7))&appNumber=$app"
done
for model in $(seq 0 6); do
    curl -fs -o /dev/null -X DELETE "$base/api/v1/allocations?model=training-model-$model&all=true"
done
curl -s -o /dev/null -X POST "$base/api/v1/allocations" -H 'Content-Type: application/json' -d '{"model": ""}'
for path in /q/health/live /q/health/ready /q/health/started /q/metrics /q/openapi; do
    curl -fs -o /dev/null "$base$path"
done
stop_application
ls -l "$app_dir/app.aot"
