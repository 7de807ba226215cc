#!/usr/bin/env bash
# Regenerates tests/Accel.Hw.Tests/ApGolden/ap-golden.txt from the real Xilinx ap_types headers.
# Usage: scripts/aptypes/generate.sh /path/to/HLS_arbitrary_Precision_Types/include
# (github.com/Xilinx/HLS_arbitrary_Precision_Types, or Vitis's own include folder). Needs g++.
set -euo pipefail
include=${1:?give the folder that holds ap_fixed.h}
here=$(cd "$(dirname "$0")" && pwd)
out=$here/../../tests/Accel.Hw.Tests/ApGolden/ap-golden.txt
bin=$(mktemp -d)/ap-golden
g++ -std=c++17 -O1 -I"$include" "$here/golden.cpp" -o "$bin"
mkdir -p "$(dirname "$out")"
"$bin" > "$out"
echo "$(wc -l < "$out") lines in $out"
