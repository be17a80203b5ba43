#!/bin/sh
# A throwaway PostgreSQL 15 server for the tests (a CTest fixture: FIXTURES_SETUP runs `start`,
# FIXTURES_CLEANUP runs `stop`). Debian's postgresql-15 binaries, a cluster in a fresh temporary
# folder, listening on a Unix socket in that folder only (listen_addresses empty: no TCP port),
# trust authentication for that socket (only its owner and root can reach the folder).
# PostgreSQL refuses to run as root; as root the server runs as Debian's `postgres` user.
# Writes the libpq URI of the server's maintenance database to STATE_DIR/uri for the tests.
#
#   pgserver.sh start STATE_DIR
#   pgserver.sh stop STATE_DIR
#   pgserver.sh crash STATE_DIR     kill the server as a power cut would (pg_ctl stop -m immediate:
#                                   no checkpoint, clients cut off), keeping its data
#   pgserver.sh restart STATE_DIR   start it again on that data (it recovers from its WAL)
# A failure to start exits non-zero, so every test that needs the server fails (never skips).
set -eu

action=${1:?usage: pgserver.sh start|stop STATE_DIR}
state=${2:?usage: pgserver.sh start|stop STATE_DIR}
bindir=${CLUSTERPLAN_PG_BINDIR:-/usr/lib/postgresql/15/bin}

as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_server() {
    [ -f "$state/dir" ] || return 0
    dir=$(cat "$state/dir")
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_server_user "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    rm -f "$state/dir" "$state/uri"
}

start_server() {
    dir=$(cat "$state/dir")
    if ! as_server_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -k $dir -c max_connections=60 -c shared_buffers=16MB" start >/dev/null; then
        cat "$dir/server.log" >&2 || true
        return 1
    fi
}

case "$action" in
start)
    mkdir -p "$state"
    stop_server # a server left by an interrupted run
    if [ ! -x "$bindir/initdb" ]; then
        echo "pgserver: $bindir/initdb is missing: install Debian's postgresql package (installer/setup-deps.sh)" >&2
        exit 1
    fi
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        echo "pgserver: running as root, and there is no 'postgres' user to run the server as (Debian's postgresql package creates it)" >&2
        exit 1
    fi
    dir=$(mktemp -d /tmp/clusterplan-pgtest.XXXXXX)
    echo "$dir" >"$state/dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$dir"
    fi
    chmod 700 "$dir"
    if ! as_server_user "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        stop_server
        exit 1
    fi
    # Small and quick: the tests need a handful of connections and no durability across crashes
    # of the machine (fsync stays on: the kill tests rely on the server's own guarantees).
    if ! start_server; then
        stop_server
        exit 1
    fi
    printf 'postgresql://postgres@/postgres?host=%s\n' "$dir" >"$state/uri"
    echo "pgserver: PostgreSQL 15 on the socket in $dir"
    ;;
stop)
    stop_server
    ;;
crash)
    dir=$(cat "$state/dir")
    as_server_user "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
restart)
    start_server
    ;;
*)
    echo "usage: pgserver.sh start|stop|crash|restart STATE_DIR" >&2
    exit 2
    ;;
esac
