#!/usr/bin/env bash
# Runs each libFuzzer target for a fixed time, seeded with runbooks/, the
# regression inputs (tests/fuzz/<target>/) and a sample of ../shared/corpus
# (copied into a temporary directory: the corpus is never committed).
#   bash fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]
# BUILD_DIR: configured with -DRUNBOOKC_SANITIZE=address,undefined -DRUNBOOKC_FUZZ=ON.
# FUZZ_SEEDS: how many corpus files seed each run (default 150; 0 = all).
# A crash, leak, timeout or out-of-memory fails the run; the input is kept
# under BUILD_DIR/fuzz-artifacts/<target>/ and its path printed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=$(cd "${1:?usage: run.sh BUILD_DIR [SECONDS] [TARGET...]}" && pwd)
seconds=${2:-60}
shift $(($# >= 2 ? 2 : 1))
targets=("$@")
((${#targets[@]})) || targets=(fuzz_lint fuzz_script fuzz_config)
shared=${RUNBOOKC_SHARED:-$(git rev-parse --show-toplevel 2>/dev/null || echo "$root")/../shared}
sample=${FUZZ_SEEDS:-150}

export ASAN_OPTIONS="detect_leaks=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitize/lsan.supp"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The corpus files libFuzzer can take whole (max_len 64 KiB), a fixed sample
# spread over the projects: sorted by content hash, so it does not change
# from run to run unless the corpus does.
corpus_sample() {
  [[ -d $shared/corpus ]] || { echo "note: $shared/corpus not found: seeded without it" >&2; return; }
  find "$shared/corpus" -name '*.md' -type f -size -64k -print0 | xargs -0 md5sum | sort |
    { if ((sample > 0)); then head -n "$sample"; else cat; fi; } | cut -c35-
}

# Seeds for fuzz_config: the YAML at hand (configuration files, front matter).
yaml_seeds() {
  local dir=$1 n=0
  while IFS= read -r f; do cp "$f" "$dir/config-$((n++)).yaml"; done < <(find "$root" "$shared/corpus" -name '.runbookc.yaml' -not -path '*/node_modules/*' 2>/dev/null)
  while IFS= read -r f; do
    awk 'NR == 1 && $0 != "---" { exit } NR > 1 && $0 == "---" { exit } NR > 1 { print }' "$f" >"$dir/front-$((n++)).yaml"
  done < <({ find "$root/runbooks" -name '*.md'; corpus_sample; } 2>/dev/null)
}

failed=0
for target in "${targets[@]}"; do
  seeds=$work/$target
  mkdir -p "$seeds"
  if [[ $target == fuzz_config ]]; then
    yaml_seeds "$seeds"
  else
    n=0
    while IFS= read -r f; do cp "$f" "$seeds/seed-$((n++)).md"; done < <({ find "$root/runbooks" -name '*.md'; corpus_sample; })
  fi
  [[ -d $root/tests/fuzz/$target ]] && cp "$root/tests/fuzz/$target"/* "$seeds/" 2>/dev/null || true
  artifacts=$build/fuzz-artifacts/$target
  mkdir -p "$artifacts"
  log=$build/fuzz-artifacts/$target.log
  echo "== $target: at most ${seconds}s, $(ls "$seeds" | wc -l) seeds, log $log"
  rc=0
  # A fixed seed and a fixed number of inputs: the same run on every machine,
  # so CI fails only on a defect a developer can replay (max_total_time caps it).
  case $target in fuzz_lint) runs=${FUZZ_RUNS:-500} ;; fuzz_script) runs=${FUZZ_RUNS:-1000} ;; *) runs=${FUZZ_RUNS:-2000} ;; esac
  "$build/fuzz/$target" "$seeds" -dict="$root/fuzz/runbook.dict" -max_total_time="$seconds" \
    -seed="${FUZZ_SEED:-1}" -runs="$runs" \
    -rss_limit_mb=2048 -timeout=10 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >"$log" 2>&1 || rc=$?
  # The last status line: "#N DONE cov: C ft: F corp: ... exec/s: E rss: R".
  status=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  echo "   $status"
  if ((rc != 0)); then
    failed=1
    echo "FAIL: $target exited $rc; the report:"
    grep -E -A40 '^==[0-9]+==ERROR|runtime error:|^SUMMARY|ERROR: libFuzzer' "$log" | head -n 80
    for a in "$artifacts"/*; do [[ -f $a ]] && echo "crashing input kept: $a"; done
  fi
done
exit $failed
