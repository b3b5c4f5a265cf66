#!/usr/bin/env bash
# The figure of docs/PERFORMANCE.md's "Importing a large list": a 10,000-line CSV (name and
# email) imported with the release build of `confab participants import`, beside the floor of
# the same work: plain inserts of the participant, enrolment and audit rows of each line in one
# SQLite transaction (Python's sqlite3, prepared statements, the same schema and pragmas), on a
# copy of the same fresh database. Both are timed in the same run, RUNS times each
# (default 5), alternating; the script prints each run and the medians.
#
#   bash scripts/measure-import.sh        (builds the release CLI first: minutes on 2 cores)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

setup
cd "$REPO"
runs="${RUNS:-5}"
rows="${ROWS:-10000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/confab-import-XXXXXX")"
trap 'rm -rf "$work"' EXIT

step "Building the release CLI"
cargo build --release -q -p confab-cli
cli="$CARGO_TARGET_DIR/release/confab"

{
  echo "name,email"
  for i in $(seq 1 "$rows"); do echo "Participant $i,participant$i@example.org"; done
} > "$work/participants.csv"

# One fresh data folder with one study, copied for every run so each starts from the same file.
"$cli" --data-dir "$work/template" studies create --name "Import" --time-zone Europe/Berlin >/dev/null

now_ms() { date +%s%3N; }

# The floor: the same three rows per line, plain inserts with prepared statements in one
# transaction, timed from opening the database to the commit.
cat > "$work/plain.py" <<'EOF'
import csv, sqlite3, sys, time

database, file = sys.argv[1], sys.argv[2]
with open(file, newline="") as f:
    people = [(r["name"], r["email"]) for r in csv.DictReader(f)]
start = time.perf_counter()
db = sqlite3.connect(database, isolation_level=None)
for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON",
               "cache_size = -32000", "mmap_size = 268435456", "temp_store = memory"):
    db.execute(f"PRAGMA {pragma}")
now = int(time.time())
db.execute("BEGIN IMMEDIATE")
for line, (name, email) in enumerate(people, start=2):
    pid = db.execute(
        "INSERT INTO participants (name, email, phone, notes, custom_fields, created_at, updated_at) "
        "VALUES (?, ?, '', '', '{}', ?, ?)", (name, email, now, now)).lastrowid
    db.execute(
        "INSERT INTO enrolments (study_id, participant_id, status, created_at, updated_at) "
        "VALUES (1, ?, 'added', ?, ?)", (pid, now, now))
    db.execute(
        "INSERT INTO audit_log (at, actor_kind, actor, study_id, participant_id, action, from_value, to_value, reason) "
        "VALUES (?, 'researcher', '', 1, ?, 'enrolled', '', 'added', ?)", (now, pid, f"CSV import, line {line}"))
db.execute("COMMIT")
db.close()
print(round((time.perf_counter() - start) * 1000))
EOF

step "Timing $runs imports of $rows lines and $runs plain-insert baselines (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
confab_ms=()
plain_ms=()
for run in $(seq 1 "$runs"); do
  rm -rf "$work/data" && cp -r "$work/template" "$work/data"
  start="$(now_ms)"
  "$cli" --data-dir "$work/data" participants import --study 1 "$work/participants.csv" --json \
    > "$work/report.json"
  confab_ms+=("$(($(now_ms) - start))")
  enrolled="$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).totals.newlyEnrolled' "$work/report.json")"
  [ "$enrolled" = "$rows" ] || die "the import enrolled $enrolled participants, not $rows"

  rm -rf "$work/data" && cp -r "$work/template" "$work/data"
  plain_ms+=("$(python3 "$work/plain.py" "$work/data/confab.sqlite3" "$work/participants.csv")")
  echo "run $run: confab participants import ${confab_ms[-1]} ms, plain inserts ${plain_ms[-1]} ms"
done

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
confab_median="$(median "${confab_ms[@]}")"
plain_median="$(median "${plain_ms[@]}")"
echo
echo "median of $runs: confab participants import $confab_median ms, plain inserts $plain_median ms"
awk -v c="$confab_median" -v p="$plain_median" 'BEGIN { printf "the import takes %.2f× the plain inserts (target: at most 3×)\n", c / p }'
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
