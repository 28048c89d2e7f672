#!/usr/bin/env bash
# Fault tests of the real kith binary: concurrent writers, kill -9 and Ctrl-C during imports,
# a journal held busy, disk full, read-only and damaged journals, malformed import files and
# untrusted text. Each case checks that the journal is never lost, never half-written and never
# modified by a command that failed.
# Usage: fault.sh KITH CASE
set -euo pipefail
KITH=$(realpath "$1")
CASE=$2
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
T=$(mktemp -d)
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
export HOME=$T/home KITH_TODAY=2026-11-26
mkdir -p "$HOME"
unset KITH_DB KITH_CONFIG XDG_DATA_HOME XDG_CONFIG_HOME NO_COLOR TZ
J=$T/journal.db

fail() {
  echo "FAIL [$CASE]: $*" >&2
  exit 1
}
note() { echo "[$CASE] $*"; }
# In the foreground only: a background job must be kith itself, for kill to reach it.
kith() { "$KITH" --db "$J" "$@"; }

# expect CODE MESSAGE -- COMMAND...: the command exits CODE and its first stderr line is
# "kith: error: ..." containing MESSAGE.
expect() {
  local code=$1 message=$2 err got=0
  shift 3
  err=$("$@" 2>&1 >/dev/null) || got=$?
  [ "$got" -eq "$code" ] || fail "'$*' exited $got, expected $code ($err)"
  [[ "${err%%$'\n'*}" == "kith: error: "*"$message"* ]] ||
    fail "'$*' said '$err', expected '$message'"
}

# The journal's whole content, as text that compares equal when nothing changed.
dump() { sqlite3 "$1" .dump | sha256sum | cut -d' ' -f1; }
integrity() { sqlite3 "$1" 'PRAGMA integrity_check;'; }
# Folds the write-ahead log into the file, so that the file alone is the journal.
settle() {
  sqlite3 "$1" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  rm -f "$1-wal" "$1-shm"
}
as_nobody() {
  if [ "$(id -u)" -eq 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; else "$@"; fi
}

# A small journal with contacts, a conversation and a follow-up.
seed() {
  kith -q add "Ada Lovelace" --email ada@example.com --company "Analytical Engines" --tag a
  kith -q add "Grace Hopper" --email grace@example.com --company Navy
  kith -q log ada -m "coffee, talked about engines" --channel coffee
}

# COUNT contacts as a generic CSV file, each with an email, a company and a tag.
big_csv() {
  echo "name,email,company,tags"
  seq 1 "$1" | awk '{ printf "Person %d,person%d@example.com,Company %d,t%d\n", $1, $1, $1 % 97, $1 % 7 }'
}

count() { sqlite3 "$J" "SELECT count(*) FROM $1;"; }

case $CASE in
concurrent-writers)
  # Two writers of 200 transactions each and a reader, all at once: nothing lost, no lock error.
  seed
  n=200
  (for i in $(seq 1 $n); do kith -q add "Writer A $i" || echo "add $i exited $?"; done) \
    >"$T/a.log" 2>&1 &
  a=$!
  (for i in $(seq 1 $n); do kith -q log grace -m "call $i" --no-follow-up || echo "log $i exited $?"; done) \
    >"$T/b.log" 2>&1 &
  b=$!
  (while kill -0 $a 2>/dev/null || kill -0 $b 2>/dev/null; do
    kith contact list --json >/dev/null || echo "list exited $?"
  done) >"$T/r.log" 2>&1 &
  r=$!
  wait $a $b $r
  for log in a b r; do [ ! -s "$T/$log.log" ] || fail "$log: $(head -3 "$T/$log.log")"; done
  [ "$(sqlite3 "$J" "SELECT count(*) FROM contact WHERE name LIKE 'Writer A %';")" -eq $n ] ||
    fail "contacts lost"
  [ "$(count conversation)" -eq $((n + 1)) ] || fail "conversations lost: $(count conversation)"
  [ "$(integrity "$J")" = ok ] || fail "integrity_check failed"
  note "2 x $n write transactions and a reader: nothing lost, no lock error"
  ;;
reader-during-import)
  # A reader sees the journal before the import or after it, never half of it, and never waits.
  seed
  big_csv 20000 >"$T/big.csv"
  "$KITH" --db "$J" -q import "$T/big.csv" &
  imp=$!
  seen=()
  while kill -0 $imp 2>/dev/null; do
    c=$(kith contact list --json | grep -c '"name"') || fail "a read failed during the import"
    seen+=("$c")
  done
  wait $imp || fail "the import failed"
  for c in "${seen[@]}"; do
    [ "$c" -eq 2 ] || [ "$c" -eq 20002 ] || fail "a reader saw $c contacts"
  done
  note "${#seen[@]} reads during the import, each saw 2 or 20002 contacts"
  ;;
kill9-import)
  # kill -9 at random points of a large import: the journal is intact and exactly as before.
  seed
  big_csv 5000 >"$T/big.csv"
  settle "$J"
  cp "$J" "$T/before.db"
  before=$(dump "$J")
  start=$(date +%s%N)
  kith -q import "$T/big.csv"
  span=$((($(date +%s%N) - start) / 1000000)) # milliseconds for a whole import
  [ "$span" -ge 100 ] || fail "the import took only ${span} ms; make it larger"
  # The first import's time is only an estimate on a busy machine: each kill that comes too
  # late (the import had finished or committed) shortens the window the next one is drawn from.
  kills=0 tries=0 late=0
  while [ $kills -lt 20 ] && [ $tries -lt 60 ]; do
    tries=$((tries + 1))
    rm -f "$J" "$J-wal" "$J-shm" && cp "$T/before.db" "$J"
    delay=$((RANDOM % (span * 8 / 10) + 5))
    "$KITH" --db "$J" -q import "$T/big.csv" &
    pid=$!
    sleep "$(awk "BEGIN { print $delay / 1000 }")"
    kill -9 $pid 2>/dev/null || true
    code=0
    wait $pid 2>/dev/null || code=$?
    if [ $code -eq 0 ]; then # it finished first: not a kill during the import
      span=$((span * 3 / 4 > 20 ? span * 3 / 4 : 20))
      continue
    fi
    [ $code -eq 137 ] || fail "the import exited $code before the kill"
    [ "$(integrity "$J")" = ok ] || fail "integrity_check failed after kill -9 at ${delay} ms"
    if [ "$(dump "$J")" = "$before" ]; then
      kills=$((kills + 1))
    else
      # Killed after its commit (while closing): then the whole import is there.
      [ "$(count contact)" -eq 5002 ] || fail "kill -9 at ${delay} ms left $(count contact) contacts"
      late=$((late + 1))
      span=$((span * 3 / 4 > 20 ? span * 3 / 4 : 20))
    fi
  done
  [ $kills -ge 20 ] || fail "only $kills of $tries kills came during the import"
  note "$kills kill -9 during a ${span} ms import left the journal intact and unchanged" \
    "($late more came after the commit: the whole import was there)"
  ;;
sigint-import)
  # Ctrl-C or SIGTERM during an import: exit 130, the message, and the journal as before.
  seed
  big_csv 20000 >"$T/big.csv"
  settle "$J"
  cp "$J" "$T/before.db"
  before=$(dump "$J")
  set -m # background jobs keep SIGINT (a script's jobs otherwise ignore it)
  for signal in INT TERM HUP; do
    for delay in 0.3 0.6; do
      rm -f "$J" "$J-wal" "$J-shm" && cp "$T/before.db" "$J"
      "$KITH" --db "$J" -q import "$T/big.csv" 2>"$T/err" &
      pid=$!
      sleep $delay
      kill -$signal $pid
      code=0
      wait $pid || code=$?
      [ $code -eq 130 ] || fail "SIG$signal at ${delay}s: exit $code ($(cat "$T/err"))"
      [ "$(cat "$T/err")" = "kith: error: interrupted; nothing was changed" ] ||
        fail "SIG$signal said: $(cat "$T/err")"
      [ "$(integrity "$J")" = ok ] || fail "integrity_check failed after SIG$signal"
      [ "$(dump "$J")" = "$before" ] || fail "the journal changed after SIG$signal"
    done
  done
  # With --skip-invalid too: Ctrl-C is not an invalid record to skip.
  rm -f "$J" "$J-wal" "$J-shm" && cp "$T/before.db" "$J"
  "$KITH" --db "$J" -q import "$T/big.csv" --skip-invalid 2>"$T/err" &
  pid=$!
  sleep 0.5
  kill -INT $pid
  code=0
  wait $pid || code=$?
  [ $code -eq 130 ] || fail "--skip-invalid, SIGINT: exit $code ($(cat "$T/err"))"
  [ "$(cat "$T/err")" = "kith: error: interrupted; nothing was changed" ] ||
    fail "--skip-invalid, SIGINT said: $(cat "$T/err")"
  [ "$(dump "$J")" = "$before" ] || fail "the journal changed after SIGINT with --skip-invalid"
  # Ctrl-C while kith waits for another process's lock ends the wait at once.
  (
    echo "BEGIN IMMEDIATE;"
    sleep 4
    echo "ROLLBACK;"
  ) | sqlite3 "$J" &
  holder=$!
  sleep 0.5
  "$KITH" --db "$J" -q add "Late Comer" 2>"$T/err" &
  pid=$!
  sleep 0.5
  start=$(date +%s%N)
  kill -INT $pid
  code=0
  wait $pid || code=$?
  waited=$((($(date +%s%N) - start) / 1000000))
  [ $code -eq 130 ] || fail "Ctrl-C while busy: exit $code ($(cat "$T/err"))"
  [ $waited -lt 1000 ] || fail "Ctrl-C while busy took ${waited} ms"
  [ "$(cat "$T/err")" = "kith: error: interrupted; nothing was changed" ] ||
    fail "Ctrl-C while busy said: $(cat "$T/err")"
  wait $holder
  [ "$(dump "$J")" = "$before" ] || fail "the journal changed after Ctrl-C while busy"
  set +m
  note "SIGINT, SIGTERM and SIGHUP during an import, SIGINT while busy: 130, message, journal unchanged"
  ;;
busy-timeout)
  # Another process holds the write lock past kith's 5 s busy timeout: exit 75, nothing
  # changed; reading still works meanwhile.
  seed
  before=$(dump "$J")
  (
    echo "BEGIN IMMEDIATE;"
    sleep 7
    echo "ROLLBACK;"
  ) | sqlite3 "$J" 2>/dev/null &
  holder=$!
  sleep 0.5
  out=$(kith contact list) || fail "reading while another process writes"
  [[ "$out" == *"Ada Lovelace"* ]] || fail "the list printed '$out'"
  start=$(date +%s)
  expect 75 "another kith process is using the journal" -- kith add "Late Comer"
  waited=$(($(date +%s) - start))
  [ $waited -ge 4 ] || fail "kith gave up after ${waited}s, before its busy timeout"
  wait $holder
  [ "$(dump "$J")" = "$before" ] || fail "the journal changed"
  note "write while locked: exit 75 after ${waited}s; reads work meanwhile"
  ;;
disk-full)
  # The journal cannot grow mid-import: exit 74, nothing written. A file-size limit stands in
  # for a full disk anywhere; a 1 MiB tmpfs is the real thing where mounting is allowed.
  seed
  big_csv 20000 >"$T/big.csv"
  settle "$J"
  cp "$J" "$T/before.db"
  before=$(dump "$J")
  limit=$(($(stat -c %s "$J") / 512 + 600)) # ulimit -f counts 512-byte blocks
  code=0
  (
    trap '' XFSZ
    ulimit -f $limit
    exec "$KITH" --db "$J" -q import "$T/big.csv"
  ) 2>"$T/err" || code=$?
  [ $code -eq 74 ] || fail "import past the file-size limit: exit $code ($(cat "$T/err"))"
  grep -q "^kith: error: .*nothing was changed" "$T/err" || fail "it said: $(cat "$T/err")"
  [ "$(integrity "$J")" = ok ] || fail "integrity_check failed"
  [ "$(dump "$J")" = "$before" ] || fail "the journal changed"
  note "file-size limit: $(cat "$T/err")"
  mkdir "$T/small"
  if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=1m tmpfs "$T/small" 2>/dev/null; then
    trap 'umount "$T/small" 2>/dev/null; chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
    cp "$T/before.db" "$T/small/j.db"
    expect 74 "the disk is full; nothing was changed" -- "$KITH" --db "$T/small/j.db" import "$T/big.csv"
    [ "$(dump "$T/small/j.db")" = "$before" ] || fail "the journal on the full disk changed"
    note "1 MiB tmpfs: exit 74, journal unchanged"
  else
    note "skipped the tmpfs part: cannot mount a tmpfs here"
  fi
  # Output that cannot be written: exit 74, and an export file is never left half-written.
  expect 74 "" -- kith export --format jsonl -o /dev/full
  expect 74 "" -- sh -c "\"$KITH\" --db \"$J\" export --format csv >/dev/full"
  expect 74 "" -- sh -c "\"$KITH\" --db \"$J\" contact show ada >/dev/full"
  [ "$(dump "$J")" = "$before" ] || fail "the journal changed"
  ;;
read-only)
  # A journal its user may not write: reads work, writes exit 77, the file stays the same.
  chmod 755 "$T"
  cp "$KITH" "$T/kith" && chmod 755 "$T/kith"
  mkdir "$T/ro"
  chmod 777 "$T/ro"
  as_nobody "$T/kith" --db "$T/ro/j.db" -q add "Ada Lovelace" || fail "add as nobody"
  settle "$T/ro/j.db"
  chmod 444 "$T/ro/j.db"
  cp "$T/ro/j.db" "$T/ro.orig"
  out=$(as_nobody "$T/kith" --db "$T/ro/j.db" contact list) || fail "reading a read-only journal"
  [[ "$out" == *"Ada Lovelace"* ]] || fail "the list printed '$out'"
  as_nobody "$T/kith" --db "$T/ro/j.db" -q export --format jsonl >/dev/null || fail "export"
  expect 77 "is read-only" -- as_nobody "$T/kith" --db "$T/ro/j.db" add "Grace Hopper"
  # The checkout may be private (root's home is 0700): nobody reads its own copy of the file.
  cp "$HERE/../data/contacts.csv" "$T/ro/contacts.csv" && chmod 644 "$T/ro/contacts.csv"
  expect 77 "is read-only" -- as_nobody "$T/kith" --db "$T/ro/j.db" import "$T/ro/contacts.csv"
  cmp -s "$T/ro/j.db" "$T/ro.orig" || fail "the read-only journal changed"
  note "read-only journal: reads work, writes exit 77, file unchanged"
  ;;
bad-files)
  # Damaged and foreign files: each refused with its exit code, never modified.
  seed
  big_csv 3000 >"$T/big.csv"
  kith -q import "$T/big.csv"
  settle "$J"
  size=$(stat -c %s "$J")
  # check_file NAME CODE MESSAGE [reads]: reads and writes (or only reads) of $T/NAME are
  # refused and change nothing.
  check_file() {
    local f=$T/$1 code=$2 message=$3 commands=("contact list" "export --format jsonl")
    [ "${4:-}" = reads ] || commands+=("add Someone" "import $T/big.csv")
    cp "$f" "$f.orig"
    for command in "${commands[@]}"; do
      # shellcheck disable=SC2086
      expect "$code" "$message" -- "$KITH" --db "$f" $command
      cmp -s "$f" "$f.orig" || fail "$1 was modified by '$command'"
      [ ! -s "$f-wal" ] || fail "$1 got a write-ahead log from '$command'"
    done
    note "$1: exit $code ($message), unchanged"
  }
  head -c $((size / 2)) "$J" >"$T/truncated.db"
  check_file truncated.db 65 "the journal is damaged"
  cp "$J" "$T/scribbled.db"
  # Random bytes over three pages of the contact table (dbstat names them; where they lie in
  # the file depends on the schema and the history, so the middle of the file is not enough).
  page_size=$(sqlite3 "$J" "PRAGMA page_size")
  for page in $(sqlite3 "$J" "SELECT pageno FROM dbstat WHERE name = 'contact' AND
      pagetype = 'leaf' ORDER BY pageno LIMIT 3 OFFSET 2"); do
    head -c "$page_size" /dev/urandom |
      dd of="$T/scribbled.db" bs="$page_size" seek=$((page - 1)) conv=notrunc status=none
  done
  # A write may not touch the damaged pages, so only reads of everything must notice them
  # (kith check --full finds them whatever they are).
  check_file scribbled.db 65 "the journal is damaged" reads
  printf 'name,email\nAda,ada@example.com\n' >"$T/text.db"
  check_file text.db 65 "is not a kith journal (not an SQLite database)"
  sqlite3 "$T/other.db" "CREATE TABLE song (title TEXT); INSERT INTO song VALUES ('x');"
  check_file other.db 65 "SQLite database of another application"
  cp "$J" "$T/newer.db" && sqlite3 "$T/newer.db" "PRAGMA user_version = 999;"
  check_file newer.db 78 "was written by a newer kith"
  mkdir "$T/dir.db"
  expect 65 "is a directory" -- "$KITH" --db "$T/dir.db" contact list
  expect 73 "does not exist" -- "$KITH" --db "$T/missing/j.db" add Ada
  [ ! -e "$T/missing" ] || fail "created the missing directory"
  ;;
malformed)
  # Every malformed input: its exit code, FILE:LINE errors, and a journal left as it was.
  seed
  settle "$J"
  before=$(dump "$J")
  cp -r "$HERE/malformed" "$T/in"
  # Too large to keep in the repository: a 1 MiB vCard property and JSON Lines line.
  {
    printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nNOTE:'
    head -c 1048600 /dev/zero | tr '\0' x
    printf '\r\nEND:VCARD\r\n'
  } >"$T/in/vcard-overlong-card.vcf"
  {
    printf '{"type":"contact","name":"'
    head -c 1048600 /dev/zero | tr '\0' G
    printf '"}\n'
  } >"$T/in/jsonl-overlong-line.jsonl"
  checked=0
  while IFS=$'\t' read -r file format code first; do
    [[ -z "$file" || "$file" == \#* ]] && continue
    path=$T/in/$file
    [ -f "$path" ] || fail "$file is listed but missing"
    got=0
    "$KITH" --db "$J" import --format "$format" "$path" >"$T/out" 2>"$T/err" || got=$?
    [ "$got" -eq "$code" ] || fail "$file: exit $got, expected $code: $(head -3 "$T/err")"
    want=${first//FILE/$path}
    [ "$(head -1 "$T/err")" = "$want" ] || fail "$file: said '$(head -1 "$T/err")', expected '$want'"
    if grep -qv '^kith: \(error\|warning\): ' "$T/err"; then fail "$file: stray output: $(cat "$T/err")"; fi
    [ ! -s "$T/out" ] || fail "$file: printed on stdout: $(head -3 "$T/out")"
    [ "$(dump "$J")" = "$before" ] || fail "$file changed the journal"
    checked=$((checked + 1))
  done <"$HERE/malformed/expected.tsv"
  [ $checked -ge 40 ] || fail "only $checked malformed inputs"
  files=("$HERE"/malformed/*)
  [ $((${#files[@]} - 1)) -eq $((checked - 2)) ] ||
    fail "a file in malformed/ is not listed in expected.tsv"
  note "$checked malformed inputs: each refused with its code and FILE:LINE, journal unchanged"
  ;;
untrusted-text)
  # Control and escape sequences from an imported file never reach the terminal raw; CSV
  # exports are formula-safe.
  printf '%s\n' 'name,company,note,tags' \
    $'"Evil \e[31mRed\e[0m Name",\e]0;pwned\a Corp,"note \e]52;c;ZWNobyBoaQ==\a with \xc2\x9b2J",evil' \
    '"=HYPERLINK(""http://x"",""y"")",+cmd,@SUM(A1),-2+3' >"$T/evil.csv"
  printf '%s\n' '{"type":"contact","name":"JSON \u001b[2J Clear","note":"bell \u0007 and \u009b31m"}' \
    >"$T/evil.jsonl"
  kith -q import "$T/evil.csv" 2>"$T/err" || note "CSV import refused: $(head -1 "$T/err")"
  kith -q import "$T/evil.jsonl" 2>"$T/err" || note "JSON Lines import refused: $(head -1 "$T/err")"
  kith -q add $'Argv \e[5mBlink' --note $'a\rb\bc' 2>"$T/err" || note "add refused: $(head -1 "$T/err")"
  raw() { LC_ALL=C grep -c $'[\x01-\x08\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]' "$1" || true; }
  # Each command must succeed: a sanitizer abort under the ASan build is a failure too.
  : >"$T/shown"
  : >"$T/shown.err"
  show() { kith --color never "$@" >>"$T/shown" 2>>"$T/shown.err" || fail "kith $* failed: $(cat "$T/shown.err")"; }
  show contact list
  show contact list --plain
  for c in $(sqlite3 "$J" "SELECT id FROM contact;"); do
    show contact show "$c"
    show timeline "$c"
  done
  show due --within 1y
  show search evil
  [ "$(raw "$T/shown")" -eq 0 ] || fail "raw control characters reached the terminal: $(cat -v "$T/shown" | grep -m3 '\^\[\|\^G\|M-')"
  [ "$(raw "$T/shown.err")" -eq 0 ] || fail "raw control characters on stderr"
  kith export --format csv >"$T/export.csv"
  if LC_ALL=C grep -q '\(^\|,\)"\?[=+@-]' "$T/export.csv"; then
    fail "a CSV field starts a formula: $(LC_ALL=C grep '\(^\|,\)"\?[=+@-]' "$T/export.csv" | head -2)"
  fi
  note "no raw control characters in list, show, timeline, due; CSV export formula-safe"
  ;;
signals-cleanup)
  # Every signal is honoured within a second, whatever kith is doing, and leaves no temporary
  # file: undo, an endless input line, the editor, a backup, a split export.
  seed
  big_csv 20000 >"$T/big.csv"
  kith -q import "$T/big.csv"
  settle "$J"
  before=$(dump "$J")
  set -m
  interrupted=0
  for delay in 0.05 0.1 0.2 0.4; do
    "$KITH" --db "$J" -q undo 2>"$T/err" &
    pid=$!
    sleep $delay
    kill -INT $pid 2>/dev/null || true
    code=0
    wait $pid || code=$?
    if [ $code -eq 0 ]; then # undone before the signal: put the import back
      kith -q import "$T/big.csv"
      settle "$J"
      before=$(dump "$J")
      continue
    fi
    [ $code -eq 130 ] || fail "Ctrl-C during undo at ${delay}s: exit $code ($(cat "$T/err"))"
    [ "$(dump "$J")" = "$before" ] || fail "Ctrl-C during undo changed the journal"
    interrupted=$((interrupted + 1))
  done
  [ $interrupted -gt 0 ] || fail "no Ctrl-C came during an undo"
  # An endless line on standard input: SIGTERM ends the import within a second.
  (printf 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:'; yes | tr -d '\n') |
    "$KITH" --db "$J" -q import --format vcard - 2>"$T/err" &
  pid=$!
  sleep 1
  start=$(date +%s%N)
  kill -TERM $pid
  code=0
  wait $pid || code=$?
  waited=$((($(date +%s%N) - start) / 1000000))
  [ $code -eq 130 ] || fail "SIGTERM during an endless line: exit $code ($(cat "$T/err"))"
  [ $waited -lt 1000 ] || fail "SIGTERM during an endless line took ${waited} ms"
  # The editor's copy of a note is removed when the terminal closes (SIGHUP) or on SIGTERM.
  mkdir -p "$T/tmp"
  printf '#!/bin/sh\necho $$ >"%s/editor.pid"\nexec sleep 30\n' "$T" >"$T/editor.sh"
  chmod 755 "$T/editor.sh"
  for signal in HUP TERM; do
    TMPDIR=$T/tmp EDITOR=$T/editor.sh "$KITH" --db "$J" log ada --edit 2>"$T/err" &
    pid=$!
    for _ in $(seq 50); do [ -s "$T/editor.pid" ] && break; sleep 0.1; done
    [ -n "$(ls -A "$T/tmp")" ] || fail "the editor's file was not made in TMPDIR"
    kill -$signal $pid
    code=0
    wait $pid || code=$?
    kill "$(cat "$T/editor.pid")" 2>/dev/null || true
    rm -f "$T/editor.pid"
    [ $code -eq 130 ] || fail "SIG$signal with the editor open: exit $code ($(cat "$T/err"))"
    [ -z "$(ls -A "$T/tmp")" ] || fail "SIG$signal left the editor's file: $(ls -A "$T/tmp")"
  done
  # A backup or a split export stopped part-way leaves none of its temporary files.
  for delay in 0.01 0.05 0.1; do
    "$KITH" --db "$J" -q backup "$T/copies/b$delay.db" 2>/dev/null &
    pid=$!
    sleep $delay
    kill -TERM $pid 2>/dev/null || true
    wait $pid || true
    "$KITH" --db "$J" -q export --split "$T/cards$delay" 2>/dev/null &
    pid=$!
    sleep $delay
    kill -TERM $pid 2>/dev/null || true
    wait $pid || true
  done
  set +m
  leftovers=$(find "$T" -name '.*.??????' -o -name '.cards*' -o -name '.kith-split*' | head -3)
  [ -z "$leftovers" ] || fail "temporary files left behind: $leftovers"
  for d in "$T"/cards*; do
    [ ! -e "$d" ] || [ "$(find "$d" -name '*.vcf' | wc -l)" -eq 20002 ] ||
      fail "$d holds a part of the export"
  done
  note "undo ($interrupted interrupted), endless input, editor, backup and split export: 130, nothing left behind"
  ;;
fifo)
  # A journal or a backup must be a regular file: a FIFO is refused at once, never waited on.
  seed
  mkfifo "$T/pipe"
  before=$(dump "$J")
  expect 65 "is not a regular file" -- timeout 5 "$KITH" --db "$T/pipe" contact list
  expect 65 "is not a regular file" -- timeout 5 "$KITH" --db "$T/pipe" add Someone
  expect 65 "is not a regular file" -- timeout 5 "$KITH" --db "$J" restore "$T/pipe"
  expect 65 "is not a regular file" -- timeout 5 "$KITH" --db "$T/pipe" check
  [ "$(dump "$J")" = "$before" ] || fail "the journal changed"
  # Imports from pipes keep working.
  kith -q import <(big_csv 10) || fail "import from a process substitution"
  big_csv 5 | sed 's/[Pp]erson/piped/g' | kith -q import - || fail "import from standard input"
  [ "$(count contact)" -eq 17 ] || fail "$(count contact) contacts after the piped imports"
  note "FIFO as journal or backup refused at once; imports from pipes work"
  ;;
no-leftovers)
  # A dry run leaves the journal byte for byte as it was (even in rollback-journal mode, or
  # read-only); a command that fails creates no file and no directory.
  seed
  settle "$J"
  sqlite3 "$J" 'PRAGMA journal_mode = DELETE;' >/dev/null
  cp "$J" "$T/orig.db"
  big_csv 50 >"$T/some.csv"
  kith -q import --dry-run "$T/some.csv" >/dev/null || fail "dry run"
  cmp -s "$J" "$T/orig.db" || fail "a dry run changed the journal's bytes"
  [ ! -e "$J-wal" ] || fail "a dry run made a write-ahead log"
  chmod 444 "$J"
  kith -q import --dry-run "$T/some.csv" >/dev/null || fail "dry run of a read-only journal"
  kith -q event import --dry-run "$HERE/../data/meetup-rust-nyc.ics" >/dev/null || fail "event dry run"
  chmod 644 "$J"
  cmp -s "$J" "$T/orig.db" || fail "a dry run changed the read-only journal"
  # Failing commands on a journal that does not exist yet.
  home=$T/fresh
  mkdir "$home"
  expect 66 "no contact matches" -- env HOME="$home" "$KITH" log nobody -m x
  printf 'name,email\nBad,not-an-email\n' >"$T/bad.csv"
  expect 65 "" -- env HOME="$home" "$KITH" import "$T/bad.csv"
  expect 65 "" -- "$KITH" --db "$T/new.db" import "$T/bad.csv"
  [ -z "$(ls -A "$home")" ] || fail "a failed command left $(find "$home" | tail -1)"
  [ -z "$(find "$T" -maxdepth 1 -name '*new.db*')" ] || fail "a failed import left a journal"
  # Two processes creating the same journal at once: both changes are kept.
  for round in $(seq 10); do
    db=$T/both$round.db
    "$KITH" --db "$db" -q add "First $round" &
    "$KITH" --db "$db" -q add "Second $round" || fail "the second add of round $round failed"
    wait $! || fail "the first add of round $round failed"
    [ "$(sqlite3 "$db" 'SELECT count(*) FROM contact')" -eq 2 ] || fail "round $round lost a contact"
  done
  note "dry runs byte-identical (rollback mode, read-only); failed commands create nothing;" \
    "two processes creating one journal both succeed"
  ;;
*)
  fail "unknown case"
  ;;
esac
