# Accel: `make demo` runs the main job on the built-in kernels, `make test` runs every test.
# Both install what they need first (scripts/install-deps.sh).
SHELL := /bin/bash
DOTNET ?= dotnet
CONFIGURATION ?= Release
TEST_LOG := build/test.log

.PHONY: all build deps test demo bench clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	$(DOTNET) build Accel.sln -c $(CONFIGURATION) --no-restore -nologo -v quiet -clp:ErrorsOnly

# Unit tests, C-simulation of every kernel (g++), XRT noop-mode tests. Ends with `tests: N passed, N failed`.
test: build
	@mkdir -p build
	@set -o pipefail; $(DOTNET) test Accel.sln -c $(CONFIGURATION) --no-build -nologo 2>&1 | tee $(TEST_LOG); status=$$?; \
	  scripts/test-summary.sh $(TEST_LOG); exit $$status

# list, gen, csim and accuracy for every built-in kernel, then a summary table.
demo: build
	./accel list
	./accel demo

# BenchmarkDotNet and side-by-side measurements; results in build/bench/.
bench: build
	$(DOTNET) run --project testbenches/Accel.Benchmarks -c Release --no-build -- --filter '*'

clean:
	$(DOTNET) clean Accel.sln -nologo -v quiet
	rm -rf build BenchmarkDotNet.Artifacts
