// Networking events as first-class records: plan, attend, record the people met there (with
// the playbook's follow-ups), debrief afterwards, and import calendars.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "kith/domain/contact_name.hpp"
#include "kith/domain/event.hpp"
#include "kith/domain/event_period.hpp"
#include "kith/domain/event_summary.hpp"
#include "kith/domain/follow_up_view.hpp"
#include "kith/domain/moment.hpp"
#include "kith/domain/settings.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

// A change to an event: each set member replaces a field.
struct EventChanges {
  std::optional<std::string> name;
  std::optional<date::year_month_day> starts_on;
  std::optional<std::optional<std::chrono::minutes>> starts_at;  // nullopt inside: all-day
  std::optional<std::string> location;
  std::optional<std::string> url;
  std::optional<std::string> description;
  std::vector<std::string> add_tags;
  std::vector<std::string> remove_tags;
};

// A person met at an event and where their follow-up stands.
struct PersonMet {
  ContactName contact;
  std::optional<FollowUp> follow_up;  // the latest follow-up from this event, if any
  bool has_notes = false;             // a note on the contact or a conversation at the event
};

struct EventDetails {
  Event event;
  std::vector<PersonMet> people;
};

struct MetResult {
  Event event;
  bool marked_attended = false;
  std::vector<ContactName> recorded;
  std::vector<ContactName> already;  // recorded before; nothing changed for them
  std::vector<FollowUpView> follow_ups;
};

struct ImportReport {
  enum class Action { added, updated, unchanged };
  std::vector<std::pair<Action, Event>> events;
  std::vector<std::string> notices;  // "FILE:LINE: message": warnings that changed nothing
  int count(Action action) const;
};

class EventService {
 public:
  EventService(Journal& journal, Moment moment, Settings settings = {})
      : m_journal(journal), m_moment(std::move(moment)), m_settings(std::move(settings)) {}

  Event add(Event draft);
  Event edit(std::string_view ref, const EventChanges& changes);
  Event remove(std::string_view ref);
  std::vector<EventSummary> list(EventPeriod period);
  EventDetails details(std::string_view ref);
  Event attend(std::string_view ref, Attendance status);
  // Records people met at the event; for an attended event, each new one gets a follow-up
  // due the next working day (the 48-hour rule) unless `follow_up` is false.
  MetResult met(std::string_view event_ref, const std::vector<std::string>& refs, bool follow_up);
  // The same for contacts already resolved, inside the caller's write.
  MetResult met_ids(std::int64_t event_id, const std::vector<ContactName>& people, bool follow_up);
  // People met at the event who have no notes or no follow-up yet.
  std::vector<PersonMet> debrief(std::string_view ref);
  // Reads an iCalendar file and upserts its events by UID (a repeating event as one event per
  // occurrence in the settings' recurrence window), all or nothing: a file with problems
  // throws ImportFailed listing them. `user_zone` is the IANA zone that UTC times are shown
  // in; `file_name` prefixes messages.
  ImportReport import_calendar(std::istream& in, const std::string& file_name,
                               const std::string& user_zone, bool dry_run);

 private:
  std::int64_t resolve(std::string_view ref);
  PersonMet person_met(const Event& event, const ContactName& contact);

  Journal& m_journal;
  Moment m_moment;
  Settings m_settings;
};

}  // namespace kith
