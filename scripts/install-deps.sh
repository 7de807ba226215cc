#!/usr/bin/env bash
# Installs what Accel's build and tests need, once: the NuGet packages, and the Debian packages g++ (C simulation),
# libxrt1 + libxrt-dev (the XRT backend's tests run the real library in noop mode), gtkwave (vcd2fst checks
# waveforms), chromium (the DSE report is looked at in a headless browser), verilator (the RTL back end's
# simulations) and yosys (its synthesis). Debian packages are installed only when missing and only as root; otherwise it says what is missing.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need=()
command -v g++ >/dev/null 2>&1 || need+=(g++)
[ -e /usr/lib/x86_64-linux-gnu/libxrt_coreutil.so.2 ] || ls /usr/lib/*/libxrt_coreutil.so.2 >/dev/null 2>&1 || need+=(libxrt1)
[ -e /usr/include/xrt/xclbin.h ] || need+=(libxrt-dev)
command -v vcd2fst >/dev/null 2>&1 || need+=(gtkwave)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v verilator >/dev/null 2>&1 || need+=(verilator)
command -v yosys >/dev/null 2>&1 || need+=(yosys)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: installing ${need[*]} with apt-get (running as root)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${need[@]}" >&2 \
      || echo "install-deps: apt-get could not install ${need[*]}; the tests that need them will say so" >&2
  else
    echo "install-deps: missing ${need[*]}; install them (sudo apt-get install ${need[*]}) or the tests that need them will say so" >&2
  fi
fi

dotnet restore "$root/Accel.sln" -v quiet >&2
