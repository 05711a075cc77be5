# A throwaway PostgreSQL + PostGIS cluster for one test run: `source tests/pg/cluster.sh`,
# then `pg_cluster_start` (exports PGHOST, PGPORT, PGUSER, PGDATABASE, ATLAS_PG) and
# `pg_cluster_stop` (also run on EXIT). The cluster lives in a temp dir, listens only on a
# Unix socket there and on a free localhost port, and is removed afterwards.
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}

_pg_as() { # run a command as the cluster owner (PostgreSQL refuses to run as root)
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_cluster_start() {
  [ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL server binaries not found (apt install postgresql postgis)" >&2; return 1; }
  PG_DIR=$(mktemp -d /tmp/atlas-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
  _pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U atlas --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  _pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PGPORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  export PGHOST=$PG_DIR PGPORT PGUSER=atlas PGDATABASE=atlas
  "$PG_BIN/createdb" atlas || return 1
  psql -q -c "CREATE EXTENSION postgis" >/dev/null || return 1
  export ATLAS_PG="PG:host=$PG_DIR port=$PGPORT user=atlas dbname=atlas"
  export ATLAS_PG_THROWAWAY=1 # tests may wipe this database (see tests/geo/test_data.hpp)
  trap pg_cluster_stop EXIT
}

pg_cluster_stop() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ] || return 0
  _pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$PG_DIR"
  PG_DIR=
}
