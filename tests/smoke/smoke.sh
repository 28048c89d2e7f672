#!/usr/bin/env bash
# Smoke tests of the real kith binary: the cron environment, file modes, refused journals,
# failed writes, TZ, a terminal, shell completion, the man page and the Debian package.
# Usage: smoke.sh KITH CASE
set -uo pipefail
KITH=$(realpath "$1")
CASE=$2
T=$(mktemp -d)
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
export HOME=$T/home KITH_TODAY=2026-11-26
mkdir -p "$HOME"
unset KITH_DB KITH_CONFIG XDG_DATA_HOME XDG_CONFIG_HOME NO_COLOR TZ

fail() { echo "FAIL [$CASE]: $*" >&2; exit 1; }
# expect CODE STDERR-SUBSTRING -- COMMAND...: runs it and checks the exit code and message.
expect() {
  local code=$1 message=$2
  shift 3
  local err
  err=$("$@" 2>&1 >/dev/null)
  local got=$?
  [ "$got" -eq "$code" ] || fail "'$*' exited $got, expected $code ($err)"
  [[ "$err" == *"$message"* ]] || fail "'$*' said '$err', expected '$message'"
  [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "'$*' printed more than one line: $err"
}
# Runs as an unprivileged user, so permission checks apply even when the tests run as root.
as_nobody() {
  if [ "$(id -u)" -eq 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; else "$@"; fi
}

case $CASE in
cron)
  out=$(env -i HOME="$HOME" PATH=/usr/bin:/bin "$KITH" due) || fail "due failed on an empty journal"
  [ -z "$out" ] || fail "due printed '$out' with nothing due"
  env -i HOME="$HOME" PATH=/usr/bin:/bin "$KITH" -q add "Ada Lovelace" --every 1w || fail "add"
  out=$(env -i HOME="$HOME" PATH=/usr/bin:/bin KITH_TODAY=2026-12-10 "$KITH" due) || fail "due"
  [[ "$out" == *"Ada Lovelace  keep in touch, every 1w"* ]] || fail "due printed '$out'"
  [[ "$out" != *$'\e'* ]] || fail "escape codes under cron"
  out=$(env -i HOME="$HOME" PATH=/usr/bin:/bin KITH_TODAY=2026-11-27 "$KITH" due)
  [ -z "$out" ] || fail "due printed '$out' the day after"
  ;;
modes)
  umask 022
  "$KITH" -q add "Ada Lovelace" || fail "add"
  dir=$HOME/.local/share/kith
  [ "$(stat -c %a "$dir")" = 700 ] || fail "data directory is $(stat -c %a "$dir")"
  for f in "$dir"/journal.db*; do
    [ "$(stat -c %a "$f")" = 600 ] || fail "$f is $(stat -c %a "$f")"
  done
  XDG_DATA_HOME=relative/path "$KITH" -q add "Grace Hopper" || fail "add with relative XDG"
  [ ! -e relative ] || fail "a relative XDG_DATA_HOME was used"
  [ "$("$KITH" contact list --json | grep -c '"name"')" = 2 ] || fail "relative XDG not ignored"
  ;;
bad-journals)
  expect 73 "directory $T/missing does not exist" -- "$KITH" --db "$T/missing/j.db" add Ada
  [ ! -e "$T/missing" ] || fail "created the missing directory"
  echo "hello, not a journal" >"$T/text.db"
  cp "$T/text.db" "$T/text.orig"
  expect 65 "is not a kith journal (not an SQLite database)" -- "$KITH" --db "$T/text.db" add Ada
  expect 65 "is not a kith journal" -- "$KITH" --db "$T/text.db" contact list
  cmp -s "$T/text.db" "$T/text.orig" || fail "the text file was changed"
  sqlite3 "$T/other.db" "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');"
  cp "$T/other.db" "$T/other.orig"
  expect 65 "SQLite database of another application" -- "$KITH" --db "$T/other.db" add Ada
  cmp -s "$T/other.db" "$T/other.orig" || fail "the foreign database was changed"
  "$KITH" --db "$T/new.db" -q add Ada || fail "add"
  sqlite3 "$T/new.db" "PRAGMA user_version = 99;"
  cp "$T/new.db" "$T/new.orig"
  expect 78 "was written by a newer kith" -- "$KITH" --db "$T/new.db" contact list
  cmp -s "$T/new.db" "$T/new.orig" || fail "the newer journal was changed"
  "$KITH" --db "$T/uri" -q add Ada || fail "add"
  (cd "$T" && "$KITH" --db 'file:x?mode=memory' -q add Ada) || fail "add to a file named like a URI"
  [ -f "$T/file:x?mode=memory" ] || fail "'file:x?mode=memory' was not a file name"
  ;;
permissions)
  chmod 755 "$T"
  # A copy nobody can run, wherever the build directory is.
  cp "$KITH" "$T/kith" && chmod 755 "$T/kith" && KITH=$T/kith
  mkdir "$T/locked" && chmod 555 "$T/locked"
  expect 77 "permission denied" -- as_nobody "$KITH" --db "$T/locked/j.db" add Ada
  mkdir "$T/ro" && chown nobody "$T/ro" 2>/dev/null
  as_nobody "$KITH" --db "$T/ro/j.db" -q add Ada || fail "add as nobody"
  chmod 400 "$T/ro/j.db"
  expect 77 "is read-only" -- as_nobody "$KITH" --db "$T/ro/j.db" add Grace
  out=$(as_nobody "$KITH" --db "$T/ro/j.db" contact list) || fail "reading a read-only journal"
  [[ "$out" == *"Ada"* ]] || fail "read-only list printed '$out'"
  # Someone else's journal in a directory we cannot write: reading still works.
  "$KITH" --db "$T/theirs.db" -q add "Grace Hopper" && chmod 644 "$T/theirs.db"
  out=$(as_nobody "$KITH" --db "$T/theirs.db" contact list) || fail "reading in a locked directory"
  [[ "$out" == *"Grace"* ]] || fail "locked-directory list printed '$out'"
  ;;
output-errors)
  "$KITH" -q add "Ada Lovelace" || fail "add"
  "$KITH" contact list >/dev/full 2>"$T/err"
  code=$?
  [ "$code" -eq 74 ] || fail "list > /dev/full exited $code"
  grep -q "kith: error: cannot write the output" "$T/err" || fail "said: $(cat "$T/err")"
  # A reader that goes away ends kith quietly by SIGPIPE, as with cat and git.
  { echo name,email; seq 1 3000 | awk '{ printf "Person %d,p%d@example.com\n", $1, $1 }'; } >"$T/many.csv"
  "$KITH" -q import "$T/many.csv" || fail "import"
  "$KITH" export --format csv 2>"$T/err" | head -1 >/dev/null
  code=${PIPESTATUS[0]}
  [ "$code" -eq 141 ] || fail "export | head exited $code"
  [ ! -s "$T/err" ] || fail "export | head said: $(cat "$T/err")"
  ;;
timezone)
  unset KITH_TODAY
  for tz in Pacific/Kiritimati Etc/GMT+12 UTC; do
    db=$T/${tz//\//_}.db
    TZ=$tz "$KITH" --db "$db" -q add "Ada Lovelace" || fail "add"
    got=$(TZ=$tz "$KITH" --db "$db" show lovelace --json | sed -n 's/.*"added_on": "\(.*\)".*/\1/p')
    want=$(TZ=$tz date +%F)
    [ "$got" = "$want" ] || fail "TZ=$tz: added_on $got, date says $want"
  done
  ;;
terminal)
  "$KITH" -q add "Ada Lovelace" --every 1w || fail "add"
  out=$(TERM=xterm KITH_TODAY=2026-12-10 script -qec "$KITH due" /dev/null)
  [[ "$out" == *$'\e[1m'* ]] || fail "no colour on a terminal: $out"
  out=$(TERM=xterm NO_COLOR=1 KITH_TODAY=2026-12-10 script -qec "$KITH due" /dev/null)
  [[ "$out" != *$'\e['* ]] || fail "colour despite NO_COLOR"
  out=$(TERM=dumb KITH_TODAY=2026-12-10 script -qec "$KITH due" /dev/null)
  [[ "$out" != *$'\e['* ]] || fail "colour despite TERM=dumb"
  # Tables fit an 80-column terminal (its size from TIOCGWINSZ); a pipe gets them whole.
  "$KITH" -q event add "Rust NYC: Async Rust in Production, Lightning Talks and Pizza" \
    --on 2026-12-12 --where "Datadog HQ, 620 8th Ave, New York" || fail "event add"
  out=$(NO_COLOR=1 KITH_TODAY=2026-12-10 script -qec "stty cols 80; $KITH event list" /dev/null)
  [[ "$out" == *"Rust NYC: Async Rust…"* ]] || fail "not shortened at 80 columns: $out"
  while IFS= read -r line; do
    line=${line%$'\r'}
    (( $(LC_ALL=C.UTF-8 wc -m <<< "$line") <= 81 )) || fail "wider than 80 columns: '$line'"
  done <<< "$out"
  out=$(KITH_TODAY=2026-12-10 "$KITH" event list)
  [[ "$out" == *"Lightning Talks and Pizza"* ]] || fail "a pipe got a shortened table: $out"
  ;;
version)
  out=$("$KITH" --version) || fail "--version failed"
  [[ "$out" =~ ^kith\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version printed '$out'"
  out=$("$KITH" --help) || fail "--help failed"
  [[ "$out" == *Examples:* ]] || fail "--help has no examples"
  [ ! -e "$HOME/.local" ] || fail "--help touched the data directory"
  expect 64 "see kith --help" -- "$KITH" --no-such-option
  ;;
demo)
  out=$(TMPDIR=$T "$KITH" demo 2>"$T/err") || fail "demo failed: $(cat "$T/err")"
  [[ "$out" == *"Ada Lovelace"* && "$out" == *"\$ kith due"* ]] || fail "demo printed '$out'"
  [ ! -e "$HOME/.local/share/kith" ] || fail "demo touched the user's journal"
  [[ "$(cat "$T/err")" == *"demo journal written to $T/kith-demo-"* ]] || fail "$(cat "$T/err")"
  "$KITH" --db "$T/demo.db" demo >/dev/null 2>&1 || fail "demo --db"
  expect 73 "already exists" -- "$KITH" --db "$T/demo.db" demo
  ;;
completion)
  # The bash script, loaded the way ~/.bashrc does, asked as bash asks on TAB.
  mkdir "$T/bin" && ln -s "$KITH" "$T/bin/kith"
  "$KITH" -q add "Ada Lovelace" || fail "add"
  "$KITH" -q add "José Núñez" || fail "add"
  "$KITH" --db "$T/other.db" -q add "Grace Hopper" || fail "add"
  "$KITH" completion bash >"$T/kith.bash" || fail "completion bash"
  out=$(PATH=$T/bin:$PATH bash --norc --noprofile -c '
    source "$1" || exit 1
    ask() {
      COMP_WORDS=("$@") COMP_CWORD=$(($# - 1)) COMP_LINE="$*" COMP_POINT=${#COMP_LINE} COMPREPLY=()
      _kith kith "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
      printf "%s|" "$*" "${COMPREPLY[@]}"
      echo
    }
    ask kith con
    ask kith show Ad
    ask kith contact merge ada ""
    ask kith log --channel co
    ask kith log ada --channel = co
    ask kith event attend x --status ""
    ask kith fu list --contact jo
    ask kith show gr
    ask kith --db "$2" show gr
    ask kith completion ""' - "$T/kith.bash" "$T/other.db" 2>&1)
  want='kith con|contact|conversation|config|
kith show Ad|Ada\ Lovelace|
kith contact merge ada |Ada\ Lovelace|José\ Núñez|
kith log --channel co|coffee|
kith log ada --channel = co|coffee|
kith event attend x --status |planned|attended|skipped|
kith fu list --contact jo|José\ Núñez|
kith show gr|
kith --db '"$T"'/other.db show gr|Grace\ Hopper|
kith completion |bash|zsh|fish|'
  [ "$out" = "$want" ] || fail "bash completion gave:
$out
expected:
$want"
  # Names come from a hidden helper that never complains: completion must stay silent.
  out=$("$KITH" __complete contacts ADA 2>&1) && [ "$out" = "Ada Lovelace" ] || fail "helper: '$out'"
  out=$("$KITH" --db "$T/missing.db" __complete contacts a 2>&1) && [ -z "$out" ] || fail "'$out'"
  echo "not a journal" >"$T/text.db"
  out=$("$KITH" --db "$T/text.db" __complete events a 2>&1) && [ -z "$out" ] || fail "'$out'"
  [[ "$("$KITH" --help)" != *__complete* ]] || fail "the helper shows in --help"
  if command -v zsh >/dev/null; then
    "$KITH" completion zsh >"$T/_kith"
    zsh -fc 'autoload -U compinit && compinit -u -D && source "$1"' - "$T/_kith" ||
      fail "the zsh script does not load"
  fi
  if command -v fish >/dev/null; then
    "$KITH" completion fish >"$T/kith.fish"
    fish -n "$T/kith.fish" || fail "the fish script does not parse"
    out=$(PATH=$T/bin:$PATH fish -c 'source $argv[1]; complete -C"kith con"' "$T/kith.fish")
    [[ "$out" == *contact* && "$out" == *config* ]] || fail "fish completion gave '$out'"
  fi
  ;;
manpage)
  # kith(1) is built next to the binary's directory; it renders with every section, and
  # names every command that `kith --help` and each group's --help list.
  page=$(dirname "$KITH")/../kith.1
  [ -f "$page" ] || fail "no $page (is scdoc installed? scripts/setup.sh installs it)"
  sections=(NAME SYNOPSIS DESCRIPTION COMMANDS "GLOBAL OPTIONS" DATES EXAMPLES FILES
    ENVIRONMENT "EXIT STATUS" "SEE ALSO")
  if command -v groff >/dev/null; then
    text=$(groff -man -Tutf8 -ww -rLL=200n -P-cbou "$page" 2>"$T/warnings") || fail "groff failed"
    [ ! -s "$T/warnings" ] || fail "groff warns: $(cat "$T/warnings")"
    text=$(printf '%s\n' "$text" | sed 's/\xe2\x80\x90/-/g; s/\xe2\x88\x92/-/g' | tr -s ' ')
    for s in "${sections[@]}"; do
      printf '%s\n' "$text" | grep -qx "$s" || fail "no section $s in the rendered page"
    done
  else
    text=$(sed 's/\\-/-/g; s/\\(em/-/g' "$page")
    for s in "${sections[@]}"; do grep -qx "\.SH $s" "$page" || fail "no .SH $s in $page"; done
  fi
  commands() { "$KITH" "$@" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z-]*\).*/\1/p'; }
  for c in $(commands); do
    [[ "$text" == *"kith $c"* ]] || fail "the man page does not mention 'kith $c'"
    for s in $(commands "$c"); do
      [[ "$text" == *"kith $c $s"* ]] || fail "the man page does not mention 'kith $c $s'"
    done
  done
  ;;
package)
  # The Debian package of this build: its dependencies and files. Run by ctest -L package.
  build=$(dirname "$KITH")/..
  cpack -G DEB --config "$build/CPackConfig.cmake" -B "$T/pkg" >"$T/cpack.log" 2>&1 ||
    fail "cpack failed: $(tail -5 "$T/cpack.log")"
  deb=$(ls "$T"/pkg/kith_*_*.deb) || fail "no kith_VERSION_ARCH.deb in $(ls "$T/pkg")"
  info=$(dpkg-deb -I "$deb")
  depends=$(printf '%s\n' "$info" | sed -n 's/^ Depends: //p')
  [[ "$depends" == *libsqlite3-0* && "$depends" == *tzdata* && "$depends" == *libc6* ]] ||
    fail "Depends: $depends"
  [[ "$info" == *"Section: utils"* ]] || fail "no Section: utils in $info"
  files=$(dpkg-deb -c "$deb" | awk '{print $6}')
  for f in ./usr/bin/kith ./usr/share/man/man1/kith.1.gz \
    ./usr/share/bash-completion/completions/kith ./usr/share/zsh/vendor-completions/_kith \
    ./usr/share/fish/vendor_completions.d/kith.fish ./usr/share/doc/kith/README.md; do
    printf '%s\n' "$files" | grep -qx "$f" || fail "$f is not in the package"
  done
  ;;
*)
  fail "no such case"
  ;;
esac
echo "ok [$CASE]"
