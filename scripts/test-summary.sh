#!/usr/bin/env bash
# Sums the "Passed!/Failed! - Failed: N, Passed: N, Skipped: N" lines that `dotnet test` prints per test
# assembly into the one line CI reads, last: `tests: N passed, N failed` (skipped tests, if any, on the line before).
awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
    line = $0
    sub(/.*Failed: +/, "", line); failed += line + 0
    line = $0; sub(/.*Passed: +/, "", line); passed += line + 0
    line = $0; sub(/.*Skipped: +/, "", line); skipped += line + 0
    found = 1
  }
  END {
    if (!found) { print "tests: 0 passed, 0 failed"; exit }
    if (skipped > 0) printf "tests skipped: %d (each names the tool or file it lacks)\n", skipped
    printf "tests: %d passed, %d failed\n", passed, failed
  }' "$@"
