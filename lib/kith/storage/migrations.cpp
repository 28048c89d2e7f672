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

constexpr std::array<std::string_view, 4> k_migrations = {k_v1, k_v2, k_v3, k_v4};

}  // namespace

std::span<const std::string_view> migrations() { return k_migrations; }

}  // namespace kith
