#!/usr/bin/env bash
# The server's tests need two services running: PostgreSQL at TEST_DATABASE_URL (default
# postgres://postgres@127.0.0.1:5432/test, trust auth: the second pass runs every server test on it, and the schema
# and copy tests make databases there) and Redis at 127.0.0.1:6379. Says nothing when both answer. When one does
# not: as root, installs it from Debian's packages and starts it; otherwise says what is missing and how to start
# it, and exits 1 (the tests would fail on it anyway, less clearly).
set -euo pipefail

url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
redis_host=127.0.0.1
redis_port=6379

# Host, port, user and database of the URL (postgres://[user[:password]@]host[:port]/database[?options]).
if [[ ! "$url" =~ ^postgres(ql)?://(([^:@/]+)(:[^@/]*)?@)?([^:/?]+)(:([0-9]+))?/([^?]+) ]]; then
  echo "TEST_DATABASE_URL is not a postgres://user@host:port/database address: $url" >&2
  exit 1
fi
pg_user="${BASH_REMATCH[3]:-postgres}"
pg_host="${BASH_REMATCH[5]}"
pg_port="${BASH_REMATCH[7]:-5432}"
pg_db="${BASH_REMATCH[8]}"

# Anything answering on a TCP port (bash's /dev/tcp), given up on after 2 s.
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# PostgreSQL lets the tests in: a query when psql is there, else at least something listening on its port.
postgres_ok() {
  if command -v psql >/dev/null 2>&1; then
    PGCONNECT_TIMEOUT=3 psql "$url" -Atqc 'SELECT 1' >/dev/null 2>&1
  else
    port_open "$pg_host" "$pg_port"
  fi
}

# Redis answers PING with PONG.
redis_ok() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(timeout 3 redis-cli -h "$redis_host" -p "$redis_port" ping 2>/dev/null)" = PONG ]
  else
    timeout 3 bash -c "exec 3<>/dev/tcp/$redis_host/$redis_port && printf 'PING\r\n' >&3 && read -r reply <&3 &&
      [ \"\${reply%$'\r'}\" = '+PONG' ]" 2>/dev/null
  fi
}

# Waits up to 15 s for a check to pass.
wait_for() {
  for _ in $(seq 1 30); do
    "$1" && return 0
    sleep 0.5
  done
  return 1
}

pg_missing=0
redis_missing=0
postgres_ok || pg_missing=1
redis_ok || redis_missing=1
[ "$pg_missing" -eq 0 ] && [ "$redis_missing" -eq 0 ] && exit 0

local_pg=0
[[ "$pg_host" = 127.0.0.1 || "$pg_host" = localhost ]] && local_pg=1

if [ "$(id -u)" -ne 0 ]; then
  if [ "$pg_missing" -eq 1 ]; then
    echo "PostgreSQL does not let the tests in at $url." >&2
    if [ "$local_pg" -eq 1 ]; then
      echo "  Install and start it: sudo apt-get install postgresql && sudo pg_ctlcluster <version> main start" >&2
      echo "  (see pg_lsclusters); let $pg_user in without a password from 127.0.0.1 (a line" >&2
      echo "  'host all all 127.0.0.1/32 trust' at the top of /etc/postgresql/<version>/main/pg_hba.conf, then" >&2
      echo "  sudo pg_ctlcluster <version> main reload) and create the database: createdb -h $pg_host -p $pg_port -U $pg_user $pg_db" >&2
    else
      echo "  Start it there, or point TEST_DATABASE_URL at a PostgreSQL that lets $pg_user in." >&2
    fi
  fi
  if [ "$redis_missing" -eq 1 ]; then
    echo "Redis does not answer at $redis_host:$redis_port." >&2
    echo "  Install and start it: sudo apt-get install redis-server && redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no" >&2
  fi
  exit 1
fi

install_packages() {
  echo "Installing $* for the tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ "$pg_missing" -eq 1 ]; then
  if [ "$local_pg" -eq 0 ]; then
    echo "PostgreSQL does not let the tests in at $url, and it is not on this machine: start it there." >&2
    exit 1
  fi
  # Only a cluster this script installed has its pg_hba.conf changed: an operator's own is left as it is.
  ours=0
  if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    command -v pg_lsclusters >/dev/null 2>&1 || install_packages postgresql
    if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
      version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
      pg_createcluster --port "$pg_port" "$version" main >/dev/null
    fi
    ours=1
  fi
  read -r version cluster port status _ < <(pg_lsclusters -h | head -1)
  [ "$status" = online ] || pg_ctlcluster "$version" "$cluster" start
  if [ "$ours" -eq 1 ]; then
    hba="/etc/postgresql/$version/$cluster/pg_hba.conf"
    # First, so it decides before Debian's password lines: the tests sign in with no password, from this machine only.
    grep -q '^host all all 127.0.0.1/32 trust' "$hba" || sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
    pg_ctlcluster "$version" "$cluster" reload
  fi
  if [ "$port" != "$pg_port" ]; then
    echo "PostgreSQL's cluster $version/$cluster listens on port $port, not $pg_port as TEST_DATABASE_URL says." >&2
    exit 1
  fi
  # The database itself, made by the postgres superuser over the local socket (it may not exist yet).
  if command -v runuser >/dev/null 2>&1 &&
    ! runuser -u postgres -- psql -p "$port" -Atqc "SELECT 1 FROM pg_database WHERE datname = '$pg_db'" | grep -q 1; then
    runuser -u postgres -- createdb -p "$port" "$pg_db"
  fi
  if ! wait_for postgres_ok; then
    echo "PostgreSQL $version/$cluster is running but does not let the tests in at $url: see its pg_hba.conf." >&2
    exit 1
  fi
fi

if [ "$redis_missing" -eq 1 ]; then
  command -v redis-server >/dev/null 2>&1 || install_packages redis-server
  # A throwaway Redis for the tests: nothing saved to the disk.
  redis-server --daemonize yes --bind "$redis_host" --port "$redis_port" --save '' --appendonly no >/dev/null
  if ! wait_for redis_ok; then
    echo "Redis was started but does not answer at $redis_host:$redis_port." >&2
    exit 1
  fi
fi
