# Thin wrapper: the real build is CMake. Both entry points install what is missing first.
BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc)
CMAKE_ARGS ?=

.PHONY: deps configure build run test test-asan fuzz lupdate clean package check-package install bench

deps:
	@packaging/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS)

configure: deps $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/app/tsunagi $(ARGS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 300

test-asan:
	$(MAKE) test BUILD=build-asan BUILD_TYPE=Debug CMAKE_ARGS=-DTSUNAGI_SANITIZE=ON

# Benchmarks side by side with xterm, qterminal and openssl s_client (tests/bench): installs the
# peers, runs everything under a private Xvfb, prints one table, writes $(BUILD)/bench.json.
bench: build
	tests/bench/setup-peers.sh
	tests/bench/run_bench.py --build $(BUILD) $(BENCH_ARGS)

# libFuzzer targets (clang, ASan+UBSan) in build-fuzz, each run FUZZ_SECONDS; fails on any finding.
FUZZ_SECONDS ?= 60
fuzz: deps
	tests/fuzz/run-fuzzers.sh build-fuzz $(FUZZ_SECONDS)

# The .deb and .tar.gz in $(BUILD)/packages; check-package validates them (packaging/check-package.sh).
package: build
	cmake --build $(BUILD) --target package

check-package: package
	packaging/check-package.sh $(BUILD)

# `make install DESTDIR=/tmp/root` (prefix: CMAKE_INSTALL_PREFIX, /usr/local unless set).
install: build
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD)

# Refresh translations/*.ts from the sources (run whenever user-visible strings change).
lupdate: configure
	cmake --build $(BUILD) --target lupdate

clean:
	rm -rf $(BUILD)
