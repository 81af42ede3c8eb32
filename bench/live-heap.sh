# shellcheck shell=bash
# The live heap of a running JVM, as its collector reports it: a full collection asked through
# jcmd, and the size it left, read from the JVM's own GC log line
#   [..][info][gc] GC(n) Pause Full (Diagnostic Command) 412M->131M(2048M) 310.123ms
# The used heap read with jstat right after the collection counts what the application allocated
# since (under load, tens to hundreds of MB), and jcmd GC.class_histogram skips its collection
# while a thread holds the GC locker; neither is the live size. GC.run is skipped then too (seen
# during the monthly reports: every other probe), so it is asked again until the line comes.
#
#   . bench/live-heap.sh; live_heap_mb <pid>     prints the MB the collection left, or nothing
live_heap_mb() {
  local pid="$1" log n before
  log="$(mktemp "${TMPDIR:-/tmp}/live-heap.XXXXXX")"
  # the outputs the JVM logs to now, restored afterwards ("#0: stdout all=warning uptime,level,tags")
  before="$(jcmd "$pid" VM.log list 2>/dev/null | sed -n 's/^ #[0-9]*: \([^ ]*\) \([^ ]*\) \([^ ]*\).*/\1 \2 \3/p')"
  jcmd "$pid" VM.log output="file=$log" what=gc=info decorators=uptime >/dev/null 2>&1 || { rm -f "$log"; return 0; }
  # A thread in a JNI critical section (compression, image code) holds the GC locker, and the
  # collection asked for then does not happen at all: asked again, up to five times.
  local attempt
  for attempt in 1 2 3 4 5; do
    jcmd "$pid" GC.run >/dev/null 2>&1 || true
    for n in $(seq 1 25); do   # the line is written when the pause ends
      grep -q 'Pause Full (Diagnostic Command)' "$log" 2>/dev/null && break 2
      sleep 0.2
    done
  done
  # the file output is for this reading only: all outputs off (which closes the file), then the
  # ones there were before as they were
  jcmd "$pid" VM.log disable >/dev/null 2>&1 || true
  local out what decorators
  while read -r out what decorators; do
    [ -n "$out" ] || continue
    jcmd "$pid" VM.log output="$out" what="$what" decorators="$decorators" >/dev/null 2>&1 || true
  done <<< "$before"
  sed -n 's/.*Pause Full (Diagnostic Command) [0-9]*M->\([0-9]*\)M(.*/\1/p' "$log" | tail -n 1
  rm -f "$log"
}
