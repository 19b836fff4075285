#!/usr/bin/env bash
# instructions.sh counts the machine instructions of one turn of the default
# scenario, for the engine and for the plain-Go fixture it is measured
# against (sim/fixture_test.go), with valgrind's callgrind. Unlike the
# benchmarks' times, the counts are the same on every run of the same
# binary, however busy the machine is: they show what a change to the
# engine saves before the noise of a timed run can. They do not count the
# cost of an instruction (a cache miss, a mispredicted branch), so a time
# still decides whether a change is faster.
#
# Each benchmark runs twice under callgrind, with LO and HI turns; the
# difference over HI-LO is the instructions of a turn, without the set-up.
# The garbage collector is off (GOGC=off; no turn allocates) and so is
# asynchronous preemption, whose signals callgrind cannot follow.
#
# Usage: scripts/instructions.sh [LO HI]   (make instructions)
set -euo pipefail
lo=${1:-20000}
hi=${2:-60000}
if ! command -v valgrind >/dev/null 2>&1; then
  echo "instructions: valgrind is not installed (apt-get install valgrind)" >&2
  exit 1
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go test -c -o "$dir/sim.test" ./sim/
count() { # count BENCH N: the instructions of N turns of BenchmarkBENCH and its set-up
  (cd sim && GOGC=off GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 \
    valgrind --tool=callgrind --callgrind-out-file="$dir/out" \
    "$dir/sim.test" -test.run '^$' -test.bench "^Benchmark$1\$" -test.benchtime "$2x" \
    >/dev/null 2>"$dir/err") || { cat "$dir/err" >&2; exit 1; }
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$dir/err"
}
printf '%-18s %s\n' benchmark instructions/turn
declare -A per
for b in Turn TurnLookahead Fixture FixtureCompact FixtureNoLedger; do
  a=$(count "$b" "$lo")
  z=$(count "$b" "$hi")
  per[$b]=$(( (z - a) / (hi - lo) ))
  printf '%-18s %d\n' "$b" "${per[$b]}"
done
awk -v s="${per[Turn]}" -v c="${per[FixtureCompact]}" -v a="${per[TurnLookahead]}" -v n="${per[FixtureNoLedger]}" \
  'BEGIN { printf "recorded turn / compact fixture: %.2f\nlook-ahead turn / fixture without a ledger: %.2f\n", s/c, a/n }'
