#include "kith/services/export_service.hpp"

#include <ostream>
#include <sstream>

#include "kith/domain/when.hpp"
#include "kith/error.hpp"
#include "kith/formats/csv.hpp"
#include "kith/formats/icalendar_writer.hpp"
#include "kith/formats/jsonl.hpp"
#include "kith/formats/vcard.hpp"
#include "kith/storage/contact_store.hpp"
#include "kith/storage/conversation_store.hpp"
#include "kith/storage/event_store.hpp"
#include "kith/storage/follow_up_store.hpp"
#include "kith/storage/tombstone_store.hpp"
#include "kith/util/file_name.hpp"
#include "kith/util/interrupt.hpp"
#include "kith/util/output_file.hpp"
#include "kith/util/temp_file.hpp"

namespace kith {

namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

std::string day_or_empty(const std::optional<date::year_month_day>& day) {
  return day ? format_date(*day) : std::string();
}

}  // namespace

ExportCounts ExportService::write_file(const std::filesystem::path& path, bool replace,
                                       const ExportOptions& options) {
  OutputFile file(path, replace);
  ExportCounts counts = write(file.stream(), options);
  file.commit();
  return counts;
}

ExportCounts ExportService::write(std::ostream& out, const ExportOptions& options) {
  ExportCounts counts;
  m_journal.read([&] {
    switch (options.format) {
      case ExportFormat::jsonl:
        jsonl(out, counts);
        break;
      case ExportFormat::csv:
        csv(out, options.table, counts);
        break;
      case ExportFormat::vcard:
        vcard(out, counts);
        break;
      case ExportFormat::ics:
        ics(out, options.todo_as_event, counts);
        break;
    }
  });
  return counts;
}

void ExportService::jsonl(std::ostream& out, ExportCounts& counts) {
  // People first, then what refers to them: events (people met), conversations, follow-ups.
  ContactStore(m_journal).for_each([&](const Contact& c, const ContactStore::Links& links) {
    out << to_jsonl(c, links.introducer_uid) << '\n';
    ++counts.contacts;
  });
  EventStore(m_journal).for_each([&](const Event& e, const EventStore::People& people) {
    out << to_jsonl(e, people.uids) << '\n';
    ++counts.events;
  });
  ConversationStore(m_journal).for_each(
      [&](const Conversation& v, const ConversationStore::Links& links) {
        out << to_jsonl(v, links.people_uids, links.event_uid) << '\n';
        ++counts.conversations;
      });
  FollowUpStore(m_journal).for_each(false, [&](const FollowUp& f, const FollowUpStore::Links& l) {
    out << to_jsonl(f, l.contact_uid, l.event_uid) << '\n';
    ++counts.follow_ups;
  });
  TombstoneStore(m_journal).for_each([&](const Tombstone& t) {
    out << to_jsonl(t) << '\n';
    ++counts.deletions;
  });
}

void ExportService::csv(std::ostream& out, ExportTable table, ExportCounts& counts) {
  switch (table) {
    case ExportTable::contacts:
      write_csv_row(out, {"uid", "name", "email", "phone", "company", "title", "location", "url",
                          "tags", "note", "how_met", "introduced_by", "birthday", "added_on",
                          "archived", "last_contacted"});
      ContactStore(m_journal).for_each([&](const Contact& c, const ContactStore::Links& l) {
        write_csv_row(out, {c.uid, c.name, join(c.emails), join(c.phones), c.company, c.title,
                            c.location, c.url, join(c.tags), c.note, c.how_met, l.introducer_name,
                            c.birthday, format_date(c.added_on), c.archived ? "yes" : "no",
                            day_or_empty(l.last_contacted)});
        ++counts.contacts;
      });
      break;
    case ExportTable::conversations:
      write_csv_row(out, {"uid", "on", "channel", "direction", "with", "summary", "note", "event"});
      ConversationStore(m_journal).for_each(
          [&](const Conversation& v, const ConversationStore::Links& l) {
            write_csv_row(out, {v.uid, format_date(v.on), std::string(to_string(v.channel)),
                                std::string(to_string(v.direction)), join(l.people_names),
                                v.summary, v.note, l.event_name});
            ++counts.conversations;
          });
      break;
    case ExportTable::follow_ups:
      write_csv_row(out, {"uid", "contact", "due_on", "note", "status", "origin", "every",
                          "closed_on", "event"});
      FollowUpStore(m_journal).for_each(
          false, [&](const FollowUp& f, const FollowUpStore::Links& l) {
            write_csv_row(out, {f.uid, l.contact_name, format_date(f.due_on), f.note,
                                std::string(to_string(f.status)), std::string(to_string(f.origin)),
                                f.every ? format_interval(*f.every) : std::string(),
                                day_or_empty(f.closed_on), l.event_name});
            ++counts.follow_ups;
          });
      break;
    case ExportTable::events:
      write_csv_row(out,
                    {"uid", "name", "starts_on", "starts_at", "ends_on", "ends_at", "time_zone",
                     "location", "url", "status", "tags", "people", "description"});
      EventStore(m_journal).for_each([&](const Event& e, const EventStore::People& people) {
        write_csv_row(
            out,
            {e.uid, e.name, format_date(e.starts_on),
             e.starts_at ? format_time(*e.starts_at) : std::string(), day_or_empty(e.ends_on),
             e.ends_at ? format_time(*e.ends_at) : std::string(), e.time_zone, e.location, e.url,
             std::string(to_string(e.status)), join(e.tags), join(people.names), e.description});
        ++counts.events;
      });
      break;
  }
}

void ExportService::vcard(std::ostream& out, ExportCounts& counts) {
  ContactStore(m_journal).for_each([&](const Contact& c, const ContactStore::Links& l) {
    write_vcard(out, c, l.introducer_uid);
    ++counts.contacts;
  });
}

ExportCounts ExportService::write_cards(const std::filesystem::path& dir, bool replace) {
  // The cards are written into a private directory beside (or, when it exists, inside) `dir`
  // and moved into it together: a failure part-way leaves no card behind.
  std::error_code ec;
  const bool exists = std::filesystem::exists(dir, ec);
  if (exists && !std::filesystem::is_directory(dir, ec)) {
    throw Error(ErrorKind::cant_create, "cannot write " + dir.string() + ": it is not a directory");
  }
  const auto parent = directory_of(dir.has_filename() ? dir : dir.parent_path());
  if (!exists) {
    std::filesystem::create_directories(parent, ec);
    if (ec) {
      throw Error(ErrorKind::cant_create,
                  "cannot create the directory " + parent.string() + ": " + ec.message());
    }
  }
  const std::string base = (dir.has_filename() ? dir : dir.parent_path()).filename().string();
  TempDir temp(exists ? dir : parent, "." + (exists ? std::string("kith-split") : base) + ".",
               dir.string());
  ExportCounts counts;
  m_journal.read([&] {
    ContactStore(m_journal).for_each([&](const Contact& c, const ContactStore::Links& l) {
      std::ostringstream card;
      write_vcard(card, c, l.introducer_uid);
      std::string name = safe_file_name(c.uid, ".vcf");
      if (!temp.write_file(name, card.str())) {
        // Two UIDs that differ only in characters a file name cannot hold: the id tells them apart.
        name = safe_file_name(c.uid + "-" + std::to_string(c.id), ".vcf");
        if (!temp.write_file(name, card.str())) {
          throw Error(ErrorKind::cant_create,
                      "cannot write " + dir.string() + ": two contacts give the card name " + name);
        }
      }
      throw_if_interrupted();
      ++counts.contacts;
    });
  });
  temp.move_into(dir, replace);
  return counts;
}

void ExportService::ics(std::ostream& out, bool todo_as_event, ExportCounts& counts) {
  CalendarWriter writer(out, CalendarWriterOptions{todo_as_event});
  EventStore(m_journal).for_each([&](const Event& e, const EventStore::People&) {
    if (e.status == Attendance::skipped) return;  // a calendar shows where you will be
    writer.event(e);
    ++counts.events;
  });
  FollowUpStore(m_journal).for_each(true, [&](const FollowUp& f, const FollowUpStore::Links& l) {
    writer.todo(CalendarTodo{f, l.contact_name});
    ++counts.follow_ups;
  });
  writer.finish();
}

}  // namespace kith
