#!/usr/bin/env bash
# A small Spark standalone cluster on this machine, on loopback: a master and two workers of one
# core each, for the tests and benchmarks of docs/scale.md.
#
#   scripts/local-cluster.sh start     # master on spark://127.0.0.1:7077, workers beside it
#   scripts/local-cluster.sh status
#   scripts/local-cluster.sh stop
#
# Then: ./spil cluster network --master spark://127.0.0.1:7077 --as USER --purpose P
#
# Spark comes from Maven Central with spil-spark (no Spark distribution is installed): the script
# makes a Spark home whose jars/ are spil-spark's libraries and Spil's own jars, so that the
# executors the workers start find both. WORKER_MEMORY (default 2g) sets each worker's memory.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/target/local-cluster"
HOME_DIR="$RUN/spark-home"
MEMORY="${WORKER_MEMORY:-2g}"
OPENS=(-XX:+IgnoreUnrecognizedVMOptions -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true)
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
  java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
  sun.security.action sun.util.calendar; do
  OPENS+=("--add-opens=java.base/$p=ALL-UNNAMED")
done

spark_home() {
  if [[ ! -f "$ROOT/spil-spark/target/spil-spark.jar" ]]; then
    (cd "$ROOT" && ./mvnw -q -B install -DskipTests -Dspotless.check.skip=true)
  fi
  rm -rf "$HOME_DIR"
  mkdir -p "$HOME_DIR/jars" "$RUN/logs" "$RUN/work"
  # a Spark home that says it is a release, so that a worker puts its jars/ on the executors' path
  echo "Spark (the libraries of spil-spark)" > "$HOME_DIR/RELEASE"
  for j in "$ROOT"/spil-spark/target/lib/*.jar "$ROOT"/spil-cli/target/lib/*.jar \
    "$ROOT/spil-spark/target/spil-spark.jar" "$ROOT/spil-cli/target/spil-cli.jar"; do
    ln -sf "$j" "$HOME_DIR/jars/$(basename "$j")"
  done
}

launch() { # name class args...
  local name="$1"; shift
  SPARK_HOME="$HOME_DIR" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 nohup java -Xmx512m "${OPENS[@]}" -cp "$HOME_DIR/jars/*" \
    -Dspark.ui.enabled=false -Dorg.slf4j.simpleLogger.defaultLogLevel=info "$@" \
    > "$RUN/logs/$name.log" 2>&1 &
  echo $! > "$RUN/$name.pid"
}

running() { [[ -f "$RUN/$1.pid" ]] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

case "${1:-}" in
  start)
    if running master; then echo "already running (scripts/local-cluster.sh stop first)"; exit 1; fi
    spark_home
    launch master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 \
      --webui-port 8080
    for i in 1 2; do
      launch "worker-$i" org.apache.spark.deploy.worker.Worker spark://127.0.0.1:7077 \
        --host 127.0.0.1 --cores 1 --memory "$MEMORY" --webui-port $((8080 + i)) \
        --work-dir "$RUN/work/worker-$i"
    done
    for _ in $(seq 1 60); do
      if grep -q "Registering worker" "$RUN/logs/master.log" 2>/dev/null \
        && [[ "$(grep -c "Registering worker" "$RUN/logs/master.log")" -ge 2 ]]; then
        echo "master spark://127.0.0.1:7077 with 2 workers of 1 core and $MEMORY (logs in $RUN/logs)"
        exit 0
      fi
      sleep 1
    done
    echo "the workers did not register within a minute; see $RUN/logs" >&2
    exit 1 ;;
  status)
    for n in master worker-1 worker-2; do
      if running "$n"; then echo "$n: running (pid $(cat "$RUN/$n.pid"))"; else echo "$n: stopped"; fi
    done ;;
  stop)
    for n in worker-2 worker-1 master; do
      if running "$n"; then kill "$(cat "$RUN/$n.pid")"; fi
      rm -f "$RUN/$n.pid"
    done
    echo stopped ;;
  *)
    echo "usage: scripts/local-cluster.sh start|status|stop" >&2
    exit 2 ;;
esac
