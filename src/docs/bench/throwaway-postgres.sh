# Sourced by the scripts of this folder: starts a throwaway PostgreSQL 15 on a free loopback port, exports the
# QUARKUS_DATASOURCE_* variables that point the application at it, and removes it when the calling script exits.
# Set PG_BIN to use other server binaries (default /usr/lib/postgresql/15/bin). As root, PostgreSQL runs as the
# postgres user, because initdb and postgres refuse to run as root.

pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
as_postgres=()
if [ "$(id -u)" = 0 ]; then as_postgres=(runuser -u postgres --); fi

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

work=$(mktemp -d /tmp/portalloc-bench.XXXXXX)
chmod 755 "$work"
pg_port=$(free_port)
pg_password=$(head -c 18 /dev/urandom | base64)
app_pid=""

remove_postgres() {
    if [ -n "$app_pid" ]; then kill -KILL "$app_pid" 2>/dev/null || true; fi
    "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$work/db" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap remove_postgres EXIT

echo "$pg_password" >"$work/pwfile"
if [ "$(id -u)" = 0 ]; then chown postgres "$work" "$work/pwfile"; fi
"${as_postgres[@]}" "$pg_bin/initdb" -D "$work/db" -U postgres --auth=scram-sha-256 --pwfile="$work/pwfile" >/dev/null
"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$work/db" -l "$work/postgres.log" -w \
    -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null

export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres"
export QUARKUS_DATASOURCE_USERNAME=postgres
export QUARKUS_DATASOURCE_PASSWORD="$pg_password"

# Starts the application of $app_dir with $java_command and the options given, on a free port, logging to
# $work/app.log. It sets app_pid, app_port and ready_millis (from launch to the first 200 response of
# /q/health/ready) and exits the script when the application is not ready within 300 s.
start_application() {
    local start now
    app_port=$(free_port)
    start=$(date +%s%N)
    (cd "$app_dir" && exec env QUARKUS_HTTP_PORT="$app_port" "$java_command" "$@" -jar quarkus-run.jar) \
        >"$work/app.log" 2>&1 &
    app_pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$app_port/q/health/ready"; do
        now=$(date +%s%N)
        if ! kill -0 "$app_pid" 2>/dev/null || [ $(((now - start) / 1000000000)) -ge 300 ]; then
            echo "The application did not become ready within 300 s; its log:" >&2
            cat "$work/app.log" >&2
            exit 1
        fi
        sleep 0.005
    done
    now=$(date +%s%N)
    ready_millis=$(((now - start) / 1000000))
}

# Stops the application with SIGTERM and waits until it exited.
stop_application() {
    kill -TERM "$app_pid"
    wait "$app_pid" || true
    app_pid=""
}
