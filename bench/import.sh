#!/usr/bin/env bash
# Residents import benchmark, without a server: generates valid residents files of 100,000 and
# 1,000,000 lines, then times the product's reader + full validation on each (lines/s and the live
# heap, to show memory stays flat as the file grows), then the same plus storing into an embedded
# Derby through the product's chunk writer, twice (the second run is the re-import that changes
# nothing).
#
#   bash bench/import.sh                 (after a build: needs ejb/target/classes and the GlassFish
#                                         unpacked by the ear module for its Derby)
#   STORE_LINES=1000000 bash bench/import.sh   to store the 1M file too (default: the 100k file)
#   HEAP=64m bash bench/import.sh        the maximum heap of the reading and checking runs (default 64m:
#                                        a 1,000,000-line file fits); the store runs get STORE_HEAP
#                                        (default 512m), as Derby's page cache lives in the same JVM
#
#   SKIP_VALIDATE=1 bash bench/import.sh   only the store, the re-import and the search by ID number
#   SEARCHES=20000                       look-ups of a random ID number after the store (default 20,000)
#
# Files and the database go to .wushe-bench/import/ (deleted and made again each run).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${BENCH_WORK:-$REPO/.wushe-bench/import}"
HEAP="${HEAP:-64m}"
STORE_HEAP="${STORE_HEAP:-512m}"
STORE_LINES="${STORE_LINES:-100000}"
SEARCHES="${SEARCHES:-20000}"
log() { printf '[bench] %s\n' "$*"; }

M2="${M2_REPO:-$HOME/.m2/repository}"
CSV="$M2/org/apache/commons/commons-csv/1.14.1/commons-csv-1.14.1.jar"
IO="$M2/commons-io/commons-io/2.20.0/commons-io-2.20.0.jar"
CODEC="$M2/commons-codec/commons-codec/1.19.0/commons-codec-1.19.0.jar"
API="$M2/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar"
DERBY_LIB="${DERBY_LIB:-$REPO/ear/target/glassfish7/javadb/lib}"
for f in "${CLASSES:-$REPO/ejb/target/classes}/org/wushe/imports" "$CSV" "$IO" "$CODEC" "$DERBY_LIB/derby.jar"; do
  if [ ! -e "$f" ]; then
    echo "missing $f: build first (mvn -B package -DskipTests, or any verify run)" >&2
    exit 1
  fi
done
CLASSES="${CLASSES:-$REPO/ejb/target/classes}"
CP="$CLASSES:$CSV:$IO:$CODEC:$API:$DERBY_LIB/derby.jar:$DERBY_LIB/derbyshared.jar:$DERBY_LIB/derbytools.jar"

rm -rf "$WORK"
mkdir -p "$WORK/classes"
javac -nowarn -d "$WORK/classes" -cp "$CP" "$REPO"/bench/import/*.java
# The personal-data keys of this run (random, used for nothing else; the product encrypts ID numbers
# and phones with them, schema 22 on). Given as a system property, as a server would read them.
KEYS="active=b1;aes.b1=$(head -c 32 /dev/urandom | base64 -w0);hmac=$(head -c 32 /dev/urandom | base64 -w0)"
JAVA=(java -XX:+UseParallelGC "-Dwushe.data.keys=$KEYS" -Dmigrations="${MIGRATIONS:-$REPO/ejb/src/main/resources/db/migration}" -cp "$WORK/classes:$CP")
RUN=("${JAVA[@]}" "-Xmx$HEAP" ImportBench)
STORE=("${JAVA[@]}" "-Xmx$STORE_HEAP" -Dderby.storage.pageCacheSize=10000 ImportBench)

log "cores busy before timing: $(top -bn1 | awk '/^%Cpu/ {print 100 - $8 "%"}'), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"${RUN[@]}" generate "$WORK/residents-100k.csv" 100000
if [ "${SKIP_VALIDATE:-0}" != 1 ]; then
  "${RUN[@]}" generate "$WORK/residents-1m.csv" 1000000
  for f in residents-100k.csv residents-1m.csv; do
    "${RUN[@]}" validate "$WORK/$f"     # a fresh JVM each, so the heaps compare
    "${RUN[@]}" validate "$WORK/$f"
  done
fi

STORE_FILE="$WORK/residents-100k.csv"
[ "$STORE_LINES" = 1000000 ] && STORE_FILE="$WORK/residents-1m.csv"
log "store into Derby: first run (all new), then the same file again (nothing changes)"
"${STORE[@]}" store "$STORE_FILE" "$WORK/derby"
"${STORE[@]}" store "$STORE_FILE" "$WORK/derby"
log "search by ID number: $SEARCHES look-ups of random ID numbers of the stored file"
"${STORE[@]}" search "$WORK/derby" "$([ "$STORE_LINES" = 1000000 ] && echo 1000000 || echo 100000)" "$SEARCHES"
if [ -d "$CLASSES/org/wushe/shared/protect" ]; then
  "${RUN[@]}" crypto 100000
fi
log "cores busy after: $(top -bn1 | awk '/^%Cpu/ {print 100 - $8 "%"}'), load $(cut -d' ' -f1-3 /proc/loadavg)"
