#include "kith/storage/migrations.hpp"

#include <array>

namespace kith {

namespace {

// Version 1: contacts, with their emails, phones and tags.
constexpr std::string_view k_v1 = R"sql(
CREATE TABLE contact (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  name_key TEXT NOT NULL,
  company TEXT,
  title TEXT,
  location TEXT,
  url TEXT UNIQUE,
  note TEXT,
  how_met TEXT,
  introduced_by INTEGER REFERENCES contact(id) ON DELETE SET NULL,
  cadence TEXT,
  cadence_snoozed_until TEXT,
  added_on TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX contact_by_name_key ON contact(name_key);
CREATE INDEX contact_by_introducer ON contact(introduced_by) WHERE introduced_by IS NOT NULL;
CREATE INDEX contact_with_cadence ON contact(id) WHERE cadence IS NOT NULL AND archived = 0;

CREATE TABLE contact_email (
  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  PRIMARY KEY (contact_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE contact_phone (
  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  phone TEXT NOT NULL,
  PRIMARY KEY (contact_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE contact_tag (
  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (contact_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_tag_by_tag ON contact_tag(tag, contact_id);
)sql";

// Version 2: conversations (with the people in each) and follow-ups.
constexpr std::string_view k_v2 = R"sql(
CREATE TABLE conversation (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  happened_on TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('coffee', 'call', 'video', 'email', 'message',
    'meeting', 'event', 'info-interview', 'interview', 'other')),
  direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
  summary TEXT NOT NULL CHECK (trim(summary) <> ''),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE conversation_contact (
  conversation_id INTEGER NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  PRIMARY KEY (contact_id, conversation_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX conversation_contact_by_conversation ON conversation_contact(conversation_id);

CREATE TABLE follow_up (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  due_on TEXT NOT NULL,
  note TEXT,
  origin TEXT NOT NULL CHECK (origin IN ('manual', 'after-meeting', 'thank-you')),
  every TEXT,
  repeats_from TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  closed_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX follow_up_open_by_due ON follow_up(due_on) WHERE status = 'open';
CREATE INDEX follow_up_by_contact ON follow_up(contact_id, due_on);
)sql";

// Version 3: networking events, the people met at each, and links from conversations and
// follow-ups to the event they belong to.
constexpr std::string_view k_v3 = R"sql(
CREATE TABLE event (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  ics_uid TEXT UNIQUE,
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  name_key TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  starts_at TEXT,
  ends_on TEXT,
  ends_at TEXT,
  time_zone TEXT,
  location TEXT,
  url TEXT,
  description TEXT,
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'attended', 'skipped')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX event_by_start ON event(starts_on);
CREATE INDEX event_by_name_key ON event(name_key);

CREATE TABLE event_tag (
  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (event_id, tag)
) STRICT, WITHOUT ROWID;

CREATE TABLE event_contact (
  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_contact_by_contact ON event_contact(contact_id, event_id);

ALTER TABLE conversation ADD COLUMN event_id INTEGER REFERENCES event(id) ON DELETE SET NULL;
CREATE INDEX conversation_by_event ON conversation(event_id) WHERE event_id IS NOT NULL;
ALTER TABLE follow_up ADD COLUMN event_id INTEGER REFERENCES event(id) ON DELETE SET NULL;
CREATE INDEX follow_up_by_event ON follow_up(event_id) WHERE event_id IS NOT NULL;
)sql";

// Version 4: birthdays, and tombstones: the uids of deleted records with when they were
// deleted, so an export carries deletions to a journal on another machine.
constexpr std::string_view k_v4 = R"sql(
ALTER TABLE contact ADD COLUMN birthday TEXT;

CREATE TABLE tombstone (
  uid TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('contact', 'conversation', 'follow_up', 'event')),
  deleted_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
)sql";

// Version 5: the full-text search index, the history of changes, and the indexes of reports.
//
// search_index holds one document per contact, conversation and event, with rowid
// id * 4 + kind (0 contact, 1 conversation, 2 event). Triggers keep it in step with every
// write; search_document is the view of what it should hold, used to fill it and by
// `kith check`. The `kith` tokenizer is registered by the journal on every connection.
//
// history records each command that changed the journal as an SQLite changeset, so `kith
// undo` can apply its inverse; a change to an empty journal records no changeset (undoing it
// empties the journal again).
constexpr std::string_view k_v5 = R"sql(
CREATE VIRTUAL TABLE search_index USING fts5(name, company, body, tags, tokenize = 'kith');
INSERT INTO search_index(search_index, rank) VALUES ('rank', 'bm25(10.0, 6.0, 1.0, 4.0)');

CREATE VIEW search_document (rowid, name, company, body, tags) AS
  SELECT c.id * 4, c.name, c.company,
         nullif(ltrim(coalesce(' · ' || c.title, '') || coalesce(' · ' || c.location, '')
                      || coalesce(' · ' || c.note, '') || coalesce(' · ' || c.how_met, ''),
                      ' ·'), ''),
         (SELECT group_concat(tag, ' ') FROM (SELECT tag FROM contact_tag
                                               WHERE contact_id = c.id ORDER BY tag))
  FROM contact c
  UNION ALL
  SELECT v.id * 4 + 1, v.summary, NULL, v.note, NULL FROM conversation v
  UNION ALL
  SELECT e.id * 4 + 2, e.name, NULL,
         nullif(ltrim(coalesce(' · ' || e.location, '') || coalesce(' · ' || e.description, ''),
                      ' ·'), ''),
         (SELECT group_concat(tag, ' ') FROM (SELECT tag FROM event_tag
                                               WHERE event_id = e.id ORDER BY tag))
  FROM event e;

INSERT INTO search_index(rowid, name, company, body, tags)
  SELECT rowid, name, company, body, tags FROM search_document;

CREATE TRIGGER contact_indexed AFTER INSERT ON contact BEGIN
  INSERT INTO search_index(rowid, name, company, body) VALUES (new.id * 4, new.name,
    new.company,
    nullif(ltrim(coalesce(' · ' || new.title, '') || coalesce(' · ' || new.location, '')
                 || coalesce(' · ' || new.note, '') || coalesce(' · ' || new.how_met, ''),
                 ' ·'), ''));
END;
CREATE TRIGGER contact_reindexed AFTER UPDATE OF name, company, title, location, note, how_met
  ON contact
  WHEN new.name IS NOT old.name OR new.company IS NOT old.company
    OR new.title IS NOT old.title OR new.location IS NOT old.location
    OR new.note IS NOT old.note OR new.how_met IS NOT old.how_met
BEGIN
  UPDATE search_index SET name = new.name, company = new.company,
    body = nullif(ltrim(coalesce(' · ' || new.title, '') || coalesce(' · ' || new.location, '')
                        || coalesce(' · ' || new.note, '') || coalesce(' · ' || new.how_met, ''),
                        ' ·'), '')
  WHERE rowid = new.id * 4;
END;
CREATE TRIGGER contact_unindexed AFTER DELETE ON contact BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 4;
END;
CREATE TRIGGER contact_tag_indexed AFTER INSERT ON contact_tag BEGIN
  UPDATE search_index SET tags = (SELECT group_concat(tag, ' ') FROM (SELECT tag
    FROM contact_tag WHERE contact_id = new.contact_id ORDER BY tag))
  WHERE rowid = new.contact_id * 4;
END;
CREATE TRIGGER contact_tag_unindexed AFTER DELETE ON contact_tag BEGIN
  UPDATE search_index SET tags = (SELECT group_concat(tag, ' ') FROM (SELECT tag
    FROM contact_tag WHERE contact_id = old.contact_id ORDER BY tag))
  WHERE rowid = old.contact_id * 4;
END;

CREATE TRIGGER conversation_indexed AFTER INSERT ON conversation BEGIN
  INSERT INTO search_index(rowid, name, body) VALUES (new.id * 4 + 1, new.summary, new.note);
END;
CREATE TRIGGER conversation_reindexed AFTER UPDATE OF summary, note ON conversation
  WHEN new.summary IS NOT old.summary OR new.note IS NOT old.note
BEGIN
  UPDATE search_index SET name = new.summary, body = new.note WHERE rowid = new.id * 4 + 1;
END;
CREATE TRIGGER conversation_unindexed AFTER DELETE ON conversation BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
END;

CREATE TRIGGER event_indexed AFTER INSERT ON event BEGIN
  INSERT INTO search_index(rowid, name, body) VALUES (new.id * 4 + 2, new.name,
    nullif(ltrim(coalesce(' · ' || new.location, '') || coalesce(' · ' || new.description, ''),
                 ' ·'), ''));
END;
CREATE TRIGGER event_reindexed AFTER UPDATE OF name, location, description ON event
  WHEN new.name IS NOT old.name OR new.location IS NOT old.location
    OR new.description IS NOT old.description
BEGIN
  UPDATE search_index SET name = new.name,
    body = nullif(ltrim(coalesce(' · ' || new.location, '')
                        || coalesce(' · ' || new.description, ''), ' ·'), '')
  WHERE rowid = new.id * 4 + 2;
END;
CREATE TRIGGER event_unindexed AFTER DELETE ON event BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
END;
CREATE TRIGGER event_tag_indexed AFTER INSERT ON event_tag BEGIN
  UPDATE search_index SET tags = (SELECT group_concat(tag, ' ') FROM (SELECT tag
    FROM event_tag WHERE event_id = new.event_id ORDER BY tag))
  WHERE rowid = new.event_id * 4 + 2;
END;
CREATE TRIGGER event_tag_unindexed AFTER DELETE ON event_tag BEGIN
  UPDATE search_index SET tags = (SELECT group_concat(tag, ' ') FROM (SELECT tag
    FROM event_tag WHERE event_id = old.event_id ORDER BY tag))
  WHERE rowid = old.event_id * 4 + 2;
END;

-- `kith report` reads a span of days: conversations by day (channel for the counts), contacts
-- by the day added, follow-ups by the day they were closed.
CREATE INDEX conversation_by_day ON conversation(happened_on, channel);
CREATE INDEX contact_by_added_on ON contact(added_on);
CREATE INDEX follow_up_closed_by_day ON follow_up(closed_on) WHERE closed_on IS NOT NULL;

CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  command TEXT NOT NULL,
  summary TEXT NOT NULL,
  from_empty INTEGER NOT NULL CHECK (from_empty IN (0, 1)),
  changeset BLOB
) STRICT;
)sql";

// Version 6: the day a contact got their cadence, by `--every` or a tier tag, when that was
// after the day they were added; a cadence counts from no earlier (cadence.hpp). A contact
// imported before with an older "added" day (LinkedIn's Connected On) got any cadence no
// earlier than the day it entered this journal.
constexpr std::string_view k_v6 = R"sql(
ALTER TABLE contact ADD COLUMN cadence_since TEXT;
UPDATE contact SET cadence_since = substr(created_at, 1, 10)
  WHERE substr(created_at, 1, 10) > added_on;
)sql";

// Version 7: the `kith` tokenizer now makes each Chinese, Japanese and Korean character a token
// of its own, so the index is built again with it.
constexpr std::string_view k_v7 = R"sql(
INSERT INTO search_index(search_index) VALUES ('rebuild');
)sql";

// Version 8: a contact's URL is kept as given; url_key, the form two URLs of one profile share
// (contact_rules.hpp), is what must be unique and what references and imports match by. URLs
// written before were already in that form.
constexpr std::string_view k_v8 = R"sql(
ALTER TABLE contact ADD COLUMN url_key TEXT;
UPDATE contact SET url_key = url;
CREATE UNIQUE INDEX contact_by_url_key ON contact(url_key);
)sql";

// Version 9: work that stays linear at any size.
//
// An import finds "the same conversation" (same day, summary and people) for a record without
// a uid through conversation_by_day_summary, instead of reading each of the person's
// conversations.
//
// A history entry may hold its changes in pieces: a long unit of work (an import) hands its
// changeset over every few thousand rows, so it is never held in memory whole. history's own
// changeset is the last piece; history_piece holds the earlier ones, in order. Undo applies
// them newest first.
constexpr std::string_view k_v9 = R"sql(
CREATE INDEX conversation_by_day_summary ON conversation(happened_on, summary);

CREATE TABLE history_piece (
  history_id INTEGER NOT NULL REFERENCES history(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  changeset BLOB NOT NULL,
  PRIMARY KEY (history_id, seq)
) STRICT, WITHOUT ROWID;
)sql";

constexpr std::array<std::string_view, 9> k_migrations = {k_v1, k_v2, k_v3, k_v4, k_v5,
                                                          k_v6, k_v7, k_v8, k_v9};

}  // namespace

std::span<const std::string_view> migrations() { return k_migrations; }

}  // namespace kith
