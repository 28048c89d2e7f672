#include "kith/services/import_run.hpp"

#include <variant>

#include "kith/domain/contact_rules.hpp"
#include "kith/services/resolver.hpp"
#include "kith/storage/journal.hpp"
#include "kith/util/interrupt.hpp"

namespace kith {

namespace {

using Action = ImportOutcome::Action;

bool same_content(const Contact& a, const Contact& b) {
  return a.name == b.name && a.emails == b.emails && a.phones == b.phones && a.tags == b.tags &&
         a.company == b.company && a.title == b.title && a.location == b.location &&
         a.url == b.url && a.note == b.note && a.how_met == b.how_met && a.birthday == b.birthday &&
         a.introduced_by == b.introduced_by && a.cadence == b.cadence &&
         a.cadence_snoozed_until == b.cadence_snoozed_until && a.added_on == b.added_on &&
         a.archived == b.archived;
}

void fill(std::string& field, const std::string& value) {
  if (field.empty()) field = value;
}

void replace_unless_empty(std::string& field, const std::string& value) {
  if (!value.empty()) field = value;
}

void append(std::vector<std::string>& list, const std::vector<std::string>& more) {
  list.insert(list.end(), more.begin(), more.end());
}

std::string matched(const std::string& how) { return "matched by " + how; }

// True for an error about the record itself, which --skip-invalid may skip; an I/O error, a
// busy or read-only journal or Ctrl-C is not one.
bool about_the_record(ErrorKind kind) {
  return kind == ErrorKind::invalid_data || kind == ErrorKind::ambiguous ||
         kind == ErrorKind::not_found || kind == ErrorKind::usage;
}

}  // namespace

ImportRun::ImportRun(Journal& journal, const Moment& moment, const ImportOptions& options,
                     const std::function<void(const ImportOutcome&)>& observer)
    : m_journal(journal),
      m_moment(moment),
      m_options(options),
      m_observer(observer),
      m_contacts(journal),
      m_conversations(journal),
      m_follow_ups(journal),
      m_events(journal),
      m_tombstones(journal) {}

std::string ImportRun::at(int line, const std::string& message) const {
  return (m_file.empty() ? m_options.file_name : m_file) + ":" + std::to_string(line) + ": " +
         message;
}

void ImportRun::problem(int line, const std::string& message) {
  throw_if_interrupted();  // a statement stopped by Ctrl-C is not a problem of the file
  if (m_options.skip_invalid) {
    m_totals.skipped.push_back(at(line, message));
    return;
  }
  ++m_problem_count;
  if (m_problems.size() < static_cast<std::size_t>(ImportService::k_max_problems)) {
    m_problems.push_back(at(line, message));
  }
}

void ImportRun::warning(int line, const std::string& message) {
  m_totals.warnings.push_back(at(line, message));
}

void ImportRun::guarded(int line, const std::function<void()>& work) {
  try {
    if (m_options.skip_invalid) {
      m_journal.savepoint(work);
    } else {
      work();
    }
  } catch (const Error& e) {
    if (m_options.skip_invalid && !about_the_record(e.kind())) throw;
    problem(line, e.what());
  }
  // Between records and outside the record's savepoint (a piece written inside it would be
  // rolled back with a skipped record): the history of a long import is handed over in
  // pieces here instead of growing in memory.
  m_journal.bound_history();
}

void ImportRun::report(const ImportOutcome& reported) {
  ImportOutcome outcome = reported;
  outcome.file = m_file;
  ++m_totals
        .counts[static_cast<std::size_t>(outcome.kind)][static_cast<std::size_t>(outcome.action)];
  if (m_observer) m_observer(outcome);
}

void ImportRun::stamp(std::string& created_at, std::string& updated_at) const {
  if (updated_at.empty()) updated_at = created_at.empty() ? m_moment.now_utc : created_at;
  if (created_at.empty()) created_at = updated_at;
}

std::optional<std::int64_t> ImportRun::find_contact(const std::string& ref) {
  if (auto id = m_contacts.find_by_uid(ref)) return id;
  try {
    return resolve_contact(m_contacts, ref);
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::not_found) return std::nullopt;
    throw;
  }
}

std::int64_t ImportRun::contact_ref(const std::string& ref) {
  if (auto id = find_contact(ref)) return *id;
  throw Error(ErrorKind::not_found,
              "no contact matches '" + ref + "' (give a uid, an email or a name)");
}

bool ImportRun::buried(const std::string& uid, const std::string& updated_at, bool authoritative,
                       RecordKind kind, int line, const std::string& label) {
  if (uid.empty()) return false;
  auto t = m_tombstones.find(uid);
  if (!t) return false;
  if (authoritative && updated_at > t->deleted_at) {
    m_tombstones.exhume(uid);  // changed elsewhere after it was deleted here: it comes back
    return false;
  }
  report({Action::skipped, kind, line, label,
          "deleted from this journal on " + t->deleted_at.substr(0, 10)});
  return true;
}

std::optional<std::int64_t> ImportRun::match_contact(const Contact& c, std::string& how) {
  if (!c.uid.empty()) {
    if (auto id = m_contacts.find_by_uid(c.uid)) {
      how = "uid";
      return id;
    }
  }
  for (const auto& email : c.emails) {
    if (auto id = m_contacts.find_by_email(email)) {
      how = "email " + email;
      return id;
    }
  }
  if (!c.url.empty()) {
    if (auto id = m_contacts.find_by_url(c.url)) {
      how = "profile URL";
      return id;
    }
  }
  auto ids = m_contacts.find_by_name_and_company(c.name, c.company);
  if (ids.size() > 1) {
    throw Error(ErrorKind::ambiguous,
                "'" + c.name + "'" + (c.company.empty() ? "" : " at " + c.company) +
                    " matches several contacts (#" + std::to_string(ids[0]) + ", #" +
                    std::to_string(ids[1]) + "); give an email or a uid to tell them apart");
  }
  if (ids.empty()) return std::nullopt;
  how = c.company.empty() ? "name" : "name and company";
  return ids.front();
}

bool ImportRun::unique_owner(const Contact& c, std::int64_t self, int line) {
  auto owned_by_other = [&](std::optional<std::int64_t> owner, const std::string& what) {
    if (!owner || *owner == self) return false;
    auto names = m_contacts.names({*owner});
    problem(line,
            what + " already belongs to " + names[*owner] + " (#" + std::to_string(*owner) + ")");
    return true;
  };
  for (const auto& email : c.emails) {
    if (owned_by_other(m_contacts.find_by_email(email), email)) return false;
  }
  return c.url.empty() || !owned_by_other(m_contacts.find_by_url(c.url), c.url);
}

void ImportRun::contact(ContactRecord record) {
  use_file(record.file);
  for (const FieldIssue& issue : record.issues) {
    if (issue.invalid) {
      problem(issue.line, issue.message);
    } else {
      warning(issue.line, issue.message);
    }
  }
  if (!record.error.empty()) {
    problem(record.line, record.error);
  } else if (!record.skipped.empty()) {
    report(
        {Action::skipped, RecordKind::contact, record.line, record.contact.name, record.skipped});
  } else {
    if (record.named) ++m_totals.named;
    const bool has_added_on = record.contact.added_on.ok();
    contact(ImportedContact{record.line, std::move(record.contact), record.introduced_by,
                            record.connected_on, false, has_added_on});
  }
}

void ImportRun::contact(ImportedContact in) {
  guarded(in.line, [&] { add_contact(in); });
}

void ImportRun::add_contact(ImportedContact& in) {
  Contact& c = in.contact;
  append(c.tags, m_options.tags);
  normalise_contact(c);
  std::string how;
  auto match = match_contact(c, how);
  // With no match, no email or URL of the record belongs to anyone: match_contact looked.
  if (match && !unique_owner(c, *match, in.line)) return;
  std::optional<std::int64_t> introducer;
  bool pending = false;
  if (!in.introduced_by.empty()) {
    introducer = find_contact(in.introduced_by);
    pending = !introducer;
  }
  if (!match) {
    if (buried(c.uid, c.updated_at, in.authoritative, RecordKind::contact, in.line, c.name)) {
      return;
    }
    if (!in.has_added_on) c.added_on = in.connected_on.value_or(m_moment.today);
    stamp(c.created_at, c.updated_at);
    c.introduced_by = introducer;
    c.id = m_contacts.insert(c);
    m_seen.insert(c.id);
    // Met long ago (a LinkedIn "Connected On"), but any cadence starts counting today.
    if (!in.has_added_on && c.added_on < m_moment.today) {
      m_contacts.set_cadence_since(c.id, m_moment.today);
    }
    if (pending) m_pending.push_back({in.line, c.id, in.introduced_by, m_file});
    report({Action::added, RecordKind::contact, in.line, c.name, {}});
    return;
  }
  Contact existing = *m_contacts.get(*match);
  std::string label = existing.name + " (#" + std::to_string(existing.id) + ")";
  if (m_options.on_conflict == OnConflict::fail) {
    problem(in.line, "'" + c.name + "' is already in the journal as " + label + ", " +
                         matched(how) + "; use --on-conflict update or skip");
    return;
  }
  if (m_options.on_conflict == OnConflict::skip) {
    report({Action::skipped, RecordKind::contact, in.line, existing.name,
            "already in the journal, " + matched(how)});
    return;
  }
  Contact merged = existing;
  if (in.authoritative && how == "uid") {
    // Two copies of one record: the newer wins, whole.
    if (c.updated_at <= existing.updated_at) {
      report({Action::unchanged, RecordKind::contact, in.line, existing.name,
              c.updated_at < existing.updated_at ? "the journal's copy is newer" : ""});
      return;
    }
    merged = c;
    merged.id = existing.id;
    if (!in.has_added_on) merged.added_on = existing.added_on;
    merged.introduced_by = introducer;
  } else {
    // New facts about someone the journal knows: fill the gaps, keep what the user wrote.
    // The first record of a file about a person may change the job; later ones only add.
    const bool first_of_file = m_seen.insert(existing.id).second;
    const auto take = first_of_file ? replace_unless_empty : fill;
    take(merged.company, c.company);
    take(merged.title, c.title);
    for (auto field : {&Contact::location, &Contact::url, &Contact::note, &Contact::how_met,
                       &Contact::birthday}) {
      fill(merged.*field, c.*field);
    }
    append(merged.emails, c.emails);
    append(merged.phones, c.phones);
    append(merged.tags, c.tags);
    normalise_contact(merged);
    if (in.connected_on && *in.connected_on < merged.added_on) {
      merged.added_on = *in.connected_on;
    }
    if (!merged.cadence) merged.cadence = c.cadence;
    if (!merged.introduced_by && introducer != merged.id) merged.introduced_by = introducer;
    merged.updated_at = m_moment.now_utc;
  }
  if (pending) m_pending.push_back({in.line, merged.id, in.introduced_by, m_file});
  if (same_content(merged, existing)) {
    report({Action::unchanged, RecordKind::contact, in.line, existing.name, matched(how)});
    return;
  }
  m_contacts.update(merged);
  report({Action::updated, RecordKind::contact, in.line, merged.name, matched(how)});
}

void ImportRun::record(int line, JsonlRecord r) {
  guarded(line, [&] { std::visit([&](auto& record) { merge(line, record); }, r); });
}

void ImportRun::merge(int line, JsonlContact& r) {
  const bool authoritative = r.has_updated_at && !r.contact.uid.empty();
  contact(ImportedContact{line, std::move(r.contact), r.introduced_by, std::nullopt, authoritative,
                          r.has_added_on});
}

void ImportRun::finish() {
  for (const auto& p : m_pending) {
    throw_if_interrupted();
    use_file(p.file);
    try {
      std::int64_t id = contact_ref(p.ref);
      if (id == p.contact_id)
        throw Error(ErrorKind::invalid_data,
                    "a contact cannot introduce "
                    "themselves");
      Contact c = *m_contacts.get(p.contact_id);
      c.introduced_by = id;
      m_contacts.update(c);
    } catch (const Error& e) {
      problem(p.line, std::string("introduced_by: ") + e.what());
    }
  }
  m_pending.clear();
}

}  // namespace kith
