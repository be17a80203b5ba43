#!/bin/sh
# Each CLI command on each shipped example under a 2 GB address-space limit: no
# command needs more for a shipped plan, and one that suddenly does fails here, not on a user's
# machine. Usage: examples_under_memory_limit.sh <bin dir> <source dir>
set -u
cli="$1/clusterplan-cli"
examples="$2/data/examples"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen
failures=0
run() {
    # A subshell, so the limit binds the command alone.
    (ulimit -v 2097152 && "$cli" "$@" >"$work/out" 2>"$work/err")
    code=$?
    if [ "$code" -ne 0 ]; then
        echo "FAIL (exit $code) under 2 GB: clusterplan-cli $*" >&2
        head -5 "$work/err" >&2
        failures=$((failures + 1))
    fi
}
ws="$work/all.clusterplan"
first=""
for plan in "$examples"/*.json; do
    name=$(sed -n 's/^  "name": "\(.*\)",$/\1/p' "$plan" | head -1)
    [ -n "$first" ] || first="$name"
    run validate "$plan"
    run solve "$plan" --as-of 2026-11 --json "$work/r.json" --csv "$work/r.csv"
    run risk "$plan" --as-of 2026-11 --trials 200 --json "$work/risk.json"
    run report "$plan" --as-of 2026-11 --pdf "$work/r.pdf"
    run import "$plan" --workspace "$ws"
    run list --workspace "$ws"
    run export --workspace "$ws" --scenario "$name" --json "$work/e.json"
    run compare --workspace "$ws" --scenario "$first" --scenario "$name" --as-of 2026-11 --json "$work/c.json"
done
run optimize "$examples/greenfield-bridge-options.json" --as-of 2026-11 --full-power-by 2026-12 --frontier
if [ "$failures" -ne 0 ]; then
    echo "$failures command(s) failed under the 2 GB limit" >&2
    exit 1
fi
echo "every command on every example ran under 2 GB"
