#!/usr/bin/env bash
# Builds a large journal from a smaller one that kith imported, by copying every record
# TIMES times in SQL with new ids, uids, e-mails and event names:
#
#   bench/tile.sh BASE.db OUT.db TIMES TODAY KITH_FLOOR
#
# The script runs through `kith-floor OUT.db exec -` (bench/floor.cpp), not the sqlite3 shell:
# the journal's full-text index uses kith's tokenizer, which only kith's code registers. The
# search triggers are dropped during the copy and the index is filled once at the end from
# the search_document view, then the triggers are put back as they were.
#
# Why: `kith import` writes each record through the same code as a one-shot command (match,
# then insert, about 270 µs a record with the search index), so loading a million-contact journal (6 million
# records) takes most of an hour on a shared two-core machine. Tiling gives the same shape —
# the same records per contact, the same indexes, built by kith's own schema — in minutes.
# Copies keep the morning list small: an open follow-up due by TODAY in a copy moves 30 days
# later, so `kith due` lists about as much as in the base journal.
set -euo pipefail

base=$1 out=$2 times=$3 today=$4 floor=$5
[ "$times" -le 11 ] || { echo "tile.sh: at most 11 copies" >&2; exit 64; }

cp "$base" "$out"
rm -f "$out-wal" "$out-shm"

max_id() { sqlite3 "$base" "SELECT coalesce(max(id), 0) FROM $1"; }
C=$(max_id contact) V=$(max_id conversation) F=$(max_id follow_up) E=$(max_id event)

{
  # A large page cache: the copies go into indexes keyed by random uids, which would
  # otherwise miss the default 2 MB cache on almost every row.
  echo "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;"
  echo "PRAGMA cache_size = -524288;"
  echo "ATTACH '$base' AS b;"
  echo "BEGIN;"
  sqlite3 -batch "$base" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_schema WHERE type = 'trigger'"
  for ((k = 1; k < times; k++)); do
    # A uid keeps its shape: its version digit (always 4 in kith's random uids) becomes a
    # digit per copy that is never 4, so a copy's uids differ from every other's.
    uid="substr(uid, 1, 14) || substr('abcdef0123', $k, 1) || substr(uid, 16)"
    cat <<EOF
INSERT INTO contact (id, uid, name, name_key, company, title, location, url, note, how_met,
  introduced_by, cadence, cadence_snoozed_until, added_on, archived, created_at, updated_at,
  birthday)
SELECT id + $k * $C, $uid, name, name_key, company, title, location, url, note, how_met,
  introduced_by + $k * $C, cadence, cadence_snoozed_until, added_on, archived, created_at,
  updated_at, birthday FROM b.contact;
INSERT INTO contact_email (contact_id, position, email)
SELECT contact_id + $k * $C, position, 't$k.' || email FROM b.contact_email;
INSERT INTO contact_phone (contact_id, position, phone)
SELECT contact_id + $k * $C, position, phone FROM b.contact_phone;
INSERT INTO contact_tag (contact_id, tag) SELECT contact_id + $k * $C, tag FROM b.contact_tag;
INSERT INTO event (id, uid, ics_uid, name, name_key, starts_on, starts_at, ends_on, ends_at,
  time_zone, location, url, description, status, created_at, updated_at)
SELECT id + $k * $E, $uid, ics_uid || '-$k', name || ' ($k)', name_key || ' ($k)', starts_on,
  starts_at, ends_on, ends_at, time_zone, location, url, description, status, created_at,
  updated_at FROM b.event;
INSERT INTO event_tag (event_id, tag) SELECT event_id + $k * $E, tag FROM b.event_tag;
INSERT INTO event_contact (event_id, contact_id)
SELECT event_id + $k * $E, contact_id + $k * $C FROM b.event_contact;
INSERT INTO conversation (id, uid, happened_on, channel, direction, summary, note, created_at,
  updated_at, event_id)
SELECT id + $k * $V, $uid, happened_on, channel, direction, summary, note, created_at,
  updated_at, event_id + $k * $E FROM b.conversation;
INSERT INTO conversation_contact (conversation_id, contact_id)
SELECT conversation_id + $k * $V, contact_id + $k * $C FROM b.conversation_contact;
INSERT INTO follow_up (id, uid, contact_id, due_on, note, origin, every, repeats_from, status,
  closed_on, created_at, updated_at, event_id)
SELECT id + $k * $F, $uid, contact_id + $k * $C,
  CASE WHEN status = 'open' AND due_on <= '$today' THEN date(due_on, '+30 days') ELSE due_on END,
  note, origin, every, repeats_from, status, closed_on, created_at, updated_at,
  event_id + $k * $E FROM b.follow_up;
EOF
  done
  # The full-text index, filled once from what it should hold, then its triggers again.
  if [ -n "$(sqlite3 -batch "$base" "SELECT 1 FROM sqlite_schema WHERE name = 'search_document'")" ]; then
    echo "DELETE FROM search_index;"
    echo "INSERT INTO search_index (rowid, name, company, body, tags)"
    echo "  SELECT rowid, name, company, body, tags FROM search_document;"
  fi
  sqlite3 -batch "$base" "SELECT sql || ';' FROM sqlite_schema WHERE type = 'trigger'"
  echo "COMMIT;"
  echo "PRAGMA wal_checkpoint(TRUNCATE);"
} | "$floor" "$out" exec - >/dev/null
