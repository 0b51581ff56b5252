#!/usr/bin/env bash
# Latency of the workbench API on a store: serves it, reads it once (the first call
# waits for the store to be read into memory), then asks each call ROUNDS times and
# prints the median and fastest time the server took (its Server-Timing header), the
# median the client waited, and the server's CPU time per call (Linux's /proc), the fair
# figure on a shared machine. Actors are named by IRI, as the page names them.
#
#   scripts/workbench-latency.sh STORE [ROUNDS]
set -euo pipefail
store=${1:?usage: workbench-latency.sh STORE [ROUNDS]}
rounds=${2:-30}
bin=${ACTORGRAPH:-$(dirname "$0")/../target/release/actorgraph}
[ -x "$bin" ] || bin=$(command -v actorgraph)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" --quiet --store "$store" serve --bind "127.0.0.1:$port" &
server=$!
trap 'kill $server 2>/dev/null' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$port/assets/app.css"; do sleep 0.1; done
curl -s -o /dev/null -w "reading the store (first call): %{time_total} s\n" "http://127.0.0.1:$port/api/meta"
A=https://w3id.org/actorgraph/actor
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
printf '%-48s %10s %10s %10s %10s %9s\n' call "server med" "server min" "client med" "CPU/call" bytes
for call in \
  "search?q=ira" \
  "search?q=Iran" \
  "neighbourhood?actor=$A/IRN" \
  "neighbourhood?actor=Iran" \
  "neighbourhood?actor=$A/BLR" \
  "neighbourhood?actor=$A/UKR" \
  "neighbourhood?actor=$A/RUS" \
  "neighbourhood?actor=$A/RUS&level=persons" \
  "neighbourhood?actor=$A/IRN&from=2022-09&quad_class=conflict&negated=hide" \
  "neighbourhood?actor=$A/RUS&actor=$A/UKR" \
  "neighbourhood?actor=$A/RUS&depth=2" \
  "neighbourhood?" \
  "neighbourhood?level=persons" \
  "evidence?subject=$A/RUS&object=$A/IRN" \
  "evidence?subject=$A/RUS&object=$A/UKR" \
  "timeline?actor=$A/IRN" \
  "timeline?actor=$A/RUS"; do
  before=$(cpu)
  for _ in $(seq "$rounds"); do
    curl -s -o /dev/null -D - -w 'client %{time_total} %{size_download}\n' "http://127.0.0.1:$port/api/$call"
  done >"${TMPDIR:-/tmp}/workbench-latency.$$"
  after=$(cpu)
  awk -v call="${call//$A\//actor:}" -v cpu="$(( (after - before) * 1000 ))" -v rounds="$rounds" -v ticks="$ticks" '
    tolower($0) ~ /^server-timing:/ { sub(/.*dur=/, ""); s[n++] = $0 + 0 }
    /^client / { c[m++] = $2 * 1000; bytes = $3 }
    function median(a, k,   i, j, t) {
      for (i = 0; i < k; i++) for (j = i + 1; j < k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return a[int(k / 2)]
    }
    END { printf "%-48s %7.1f ms %7.1f ms %7.1f ms %7.1f ms %9d\n", call, median(s, n), s[0], median(c, m), cpu / ticks / rounds, bytes }' \
    "${TMPDIR:-/tmp}/workbench-latency.$$"
done
rm -f "${TMPDIR:-/tmp}/workbench-latency.$$"
