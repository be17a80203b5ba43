#!/bin/sh
# clusterplan-cli starts as a Qt Core program: it links no Qt Gui, Widgets, Charts,
# OpenGL or SVG library, and solving loads none at run time; `report` still draws its PDF, through
# the helper clusterplan-cli-render beside it.
#   cli_loads_qt_core_only.sh BIN_DIR SOURCE_DIR
set -eu
bin=$1
src=$2
gui='libQt6(Gui|Widgets|Charts|OpenGL|OpenGLWidgets|Svg|PrintSupport|DBus)\.so'
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
example="$src/data/examples/memphis-retrofit-100k-h100.json"

if ldd "$bin/clusterplan-cli" | grep -E "$gui"; then
    echo "FAIL: clusterplan-cli links a Qt GUI library (above)" >&2
    exit 1
fi
# What the dynamic loader really opens while solving (ldd lists only what the file names).
LD_DEBUG=libs LD_DEBUG_OUTPUT="$work/ld" "$bin/clusterplan-cli" solve "$example" --json "$work/result.json" --as-of 2026-11
if cat "$work"/ld.* | grep -E "calling init: .*$gui"; then
    echo "FAIL: solve loaded a Qt GUI library (above)" >&2
    exit 1
fi
test -s "$work/result.json"
# The drawing commands still work, through the helper.
"$bin/clusterplan-cli" report "$example" --as-of 2026-11 --pdf "$work/report.pdf" 2>/dev/null
head -c 5 "$work/report.pdf" | grep -q '%PDF-'
# Without its helper (a copy of clusterplan-cli alone) report says what is missing, exit code 1.
cp "$bin/clusterplan-cli" "$work/clusterplan-cli"
status=0
"$work/clusterplan-cli" report "$example" --pdf "$work/none.pdf" 2>"$work/err" || status=$?
test "$status" -eq 1
grep -q 'clusterplan-cli-render, which is not installed' "$work/err"
test ! -e "$work/none.pdf"
echo "PASS: clusterplan-cli loads Qt Core only; report draws through clusterplan-cli-render"
