#!/usr/bin/env bash
# Installs what Accel's build and tests need, once: the NuGet packages, and the Debian packages g++ (C simulation),
# libxrt1 + libxrt-dev (the XRT backend's tests run the real library in noop mode), gtkwave (vcd2fst checks
# waveforms), chromium (the DSE report is looked at in a headless browser), verilator (the RTL back end's
# simulations) and yosys (its synthesis). Debian packages are installed only when missing and only as root;
# otherwise it says what is missing. apt's own output goes to build/install-deps.log: the terminal gets one line
# per package group, and the log's path when something failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log="$root/build/install-deps.log"

# Package groups, each "what it is for|packages"; a group is installed when one of its packages is missing.
groups=()
missing() { groups+=("$1|$2"); }
command -v g++ >/dev/null 2>&1 || missing "C simulation" "g++"
{ [ -e /usr/lib/x86_64-linux-gnu/libxrt_coreutil.so.2 ] || ls /usr/lib/*/libxrt_coreutil.so.2 >/dev/null 2>&1; } \
  && [ -e /usr/include/xrt/xclbin.h ] || missing "XRT runtime (noop-mode tests)" "libxrt1 libxrt-dev"
command -v vcd2fst >/dev/null 2>&1 || missing "waveform checks" "gtkwave"
command -v chromium >/dev/null 2>&1 || missing "DSE report in a browser" "chromium"
command -v verilator >/dev/null 2>&1 || missing "RTL simulation" "verilator"
command -v yosys >/dev/null 2>&1 || missing "RTL synthesis" "yosys"

if [ ${#groups[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    mkdir -p "$(dirname "$log")"
    : > "$log"
    export DEBIAN_FRONTEND=noninteractive
    failed=0
    if apt-get update >>"$log" 2>&1; then
      echo "install-deps: apt-get update: done" >&2
    else
      echo "install-deps: apt-get update failed; trying the installs with the package lists there are" >&2
      failed=1
    fi
    for group in "${groups[@]}"; do
      what="${group%%|*}"; read -ra pkgs <<<"${group#*|}"
      echo "== apt-get install ${pkgs[*]}" >>"$log"
      if apt-get install -y --no-install-recommends "${pkgs[@]}" >>"$log" 2>&1; then
        echo "install-deps: $what: installed ${pkgs[*]}" >&2
      else
        echo "install-deps: $what: could not install ${pkgs[*]}; the tests that need them will say so" >&2
        failed=1
      fi
    done
    [ "$failed" = 0 ] || echo "install-deps: apt's full output is in $log" >&2
  else
    for group in "${groups[@]}"; do
      echo "install-deps: ${group%%|*}: missing ${group#*|}; install with: sudo apt-get install ${group#*|} (or the tests that need them will say so)" >&2
    done
  fi
fi

dotnet restore "$root/Accel.sln" -v quiet >&2
