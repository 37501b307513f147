#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in their own folder and runs each one for a bounded
# time on its seed corpus. Fails (exit 1) on the first finding: a crash, a sanitizer report,
# a leak, a timeout or running out of memory. Used by `make fuzz` and CI.
#   tests/fuzz/run-fuzzers.sh [BUILD_DIR] [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-fuzz}
seconds=${2:-60}
shift $(( $# > 2 ? 2 : $# ))
targets=("$@")
((${#targets[@]})) || targets=(fuzz_profile_store fuzz_putty_import fuzz_session_link fuzz_telnet fuzz_terminal fuzz_classifier)

# The libraries get coverage instrumentation and the sanitizers; only the targets link libFuzzer.
flags="-O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all"
if [[ ! -f $build/build.ninja ]]; then
    CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DTSUNAGI_FUZZ=ON -DCMAKE_CXX_FLAGS="$flags" \
        -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined"
fi
cmake --build "$build" --target tsunagi_fuzz_targets -j "${JOBS:-$(nproc)}"

# check_printf=0: see tests/CMakeLists.txt (libvterm 0.1.4 passes an int to "%.s"; glibc reads nothing).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:check_printf=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
status=0
for target in "${targets[@]}"; do
    seeds=tests/fuzz/corpus/${target#fuzz_}
    work=$build/fuzz-corpus/${target#fuzz_}
    artifacts=$build/fuzz-artifacts/$target
    mkdir -p "$work" "$artifacts"
    echo "== $target: ${seconds}s on $seeds"
    # New inputs go to the work corpus in the build folder, never into the committed seeds.
    if ! "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=16384 -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "$seeds" \
        >"$artifacts/log.txt" 2>&1; then
        tail -n 60 "$artifacts/log.txt"
        echo "FINDING in $target: reproducer in $artifacts/ (run: $build/tests/fuzz/$target <file>)"
        status=1
    else
        grep -E '^stat::number_of_executed_units|^Done' "$artifacts/log.txt" | sed "s/^/   /" || true
    fi
done
exit $status
