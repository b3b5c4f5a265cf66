#!/usr/bin/env bash
# Runs each fuzz target (fuzz/fuzz_targets) for a set time, files every crash or hang as a
# regression input that the ordinary tests replay, and records the executions and findings in
# docs/RELIABILITY.md.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 600 seconds, every target)
#
# cargo-fuzz needs a nightly compiler's flags; RUSTC_BOOTSTRAP=1 lets the stable one take them.
# The runs are niced, to leave the machine usable.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SECONDS_PER_TARGET="${1:-600}"
shift || true
ALL_TARGETS=(inbound_message itip ics_import csv_import)
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL_TARGETS[@]}")
# Instrumented builds must not share a folder with ordinary ones, or each would rebuild the other.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR}-fuzz"
export RUSTC_BOOTSTRAP=1
# Address sanitizer off by default: Confab's crates forbid unsafe code, and the runs look for
# panics, hangs and runaway memory. FUZZ_SANITIZER=address turns it on.
SANITIZER="${FUZZ_SANITIZER:-none}"

command -v cargo-fuzz >/dev/null || { step "Installing cargo-fuzz"; cargo install cargo-fuzz --locked; }
install_system_packages build-essential python3

MAIL_CORPUS="$REPO/crates/mail/tests/corpus"
SERVICE_TESTS="$REPO/crates/service/tests"

# Where a target's crashes are kept for the ordinary tests to replay.
regressions_of() {
  case "$1" in
    csv_import) echo "$REPO/crates/service/tests/corpus/fuzz/$1" ;;
    *) echo "$MAIL_CORPUS/fuzz/$1" ;;
  esac
}

# Copies files into a folder, leaving those it already has (`cp -n` exits differently across
# coreutils versions).
copy_new() {
  local dir="${*: -1}"
  for file in "${@:1:$#-1}"; do
    [ -f "$file" ] && [ ! -e "$dir/$(basename "$file")" ] && cp "$file" "$dir/"
  done
  return 0
}

# The working corpus starts from the test corpora and grows from run to run (not committed).
seed() {
  local target="$1" dir="$REPO/fuzz/corpus/$1"
  mkdir -p "$dir"
  case "$target" in
    inbound_message) copy_new "$MAIL_CORPUS"/*.eml "$MAIL_CORPUS"/*.bin "$MAIL_CORPUS"/*.txt "$dir" ;;
    itip) copy_new "$MAIL_CORPUS"/ics/*.ics "$dir" ;;
    ics_import) copy_new "$MAIL_CORPUS"/ics/*.ics "$MAIL_CORPUS"/busy/*.ics "$dir" ;;
    csv_import)
      printf 'name,email,time zone\nAda Ng,ada@example.org,Europe/Berlin\n' > "$dir/seed-comma.csv"
      printf 'Name;E-Mail\r\n"Ng; Ada";ada@example.org\r\n' > "$dir/seed-semicolon.csv"
      printf 'email\tphone\n"a@b.c"\t\x27+49 30\n' > "$dir/seed-tab.csv"
      ;;
  esac
  local regressions
  regressions="$(regressions_of "$target")"
  if [ -d "$regressions" ]; then copy_new "$regressions"/* "$dir"; fi
}

RESULTS="$(mktemp)"
cd "$REPO/fuzz"
for target in "${TARGETS[@]}"; do
  step "Fuzzing $target for $SECONDS_PER_TARGET s"
  seed "$target"
  artifacts="$REPO/fuzz/artifacts/$target"
  mkdir -p "$artifacts"
  before="$(ls "$artifacts" | sort)"
  log="$REPO/fuzz/artifacts/$target.log"
  set +e
  nice -n 19 cargo fuzz run -O --sanitizer "$SANITIZER" "$target" "$REPO/fuzz/corpus/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
  status=$?
  set -e
  executions="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)"
  [ -n "$executions" ] || { tail -30 "$log"; die "$target did not run; its log is $log"; }
  findings=()
  for file in $(comm -13 <(echo "$before") <(ls "$artifacts" | sort)); do
    keep="$(regressions_of "$target")"
    mkdir -p "$keep"
    cp "$artifacts/$file" "$keep/$file"
    findings+=("$file")
  done
  echo "found: ${findings[*]:-none} (exit $status)"
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%d)" "$target" "$SECONDS_PER_TARGET" "$executions" \
    "${findings[*]:-none}" >> "$RESULTS"
done

python3 - "$REPO/docs/RELIABILITY.md" "$RESULTS" <<'PY'
import re, sys
doc, results = sys.argv[1], sys.argv[2]
start, end = "<!-- fuzz runs -->", "<!-- end of fuzz runs -->"
text = open(doc).read()
head, rest = text.split(start)
table, tail = rest.split(end)
rows = [l for l in table.strip().splitlines() if l.startswith("| 20")]
for line in open(results).read().splitlines():
    day, target, seconds, execs, found = line.split("\t")
    rows.append(f"| {day} | {target} | {seconds} | {int(execs):,} | {found} |")
totals = {}
for row in rows:
    cells = [c.strip() for c in row.strip("|").split("|")]
    totals[cells[1]] = totals.get(cells[1], 0) + int(cells[3].replace(",", ""))
runs = "\n".join(["| date | target | seconds | executions | findings (filed as regression inputs) |",
                  "| --- | --- | ---: | ---: | --- |", *rows])
summary = "\n".join(["| target | executions in all runs |", "| --- | ---: |",
                     *[f"| {t} | {n:,} |" for t, n in sorted(totals.items())]])
open(doc, "w").write(f"{head}{start}\n{runs}\n\n{summary}\n{end}{tail}")
PY
rm -f "$RESULTS"
step "Recorded in docs/RELIABILITY.md"
