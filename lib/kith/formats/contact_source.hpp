// What a contacts file reader (CSV, vCard) yields: one contact at a time, so an import's
// memory does not grow with the file. Readers keep values as the file has them (trimmed); the
// import normalises them with the contact rules, and reports what breaks a rule.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

#include "kith/domain/contact.hpp"

namespace kith {

// Something about one field of a record, at the line that holds it.
struct FieldIssue {
  int line = 0;
  std::string message;   // names the field and says what became of its value
  bool invalid = false;  // malformed, and left out of the contact: the import refuses the file
                         // unless told to skip what is invalid; else a warning (kith kept what
                         // it could: in the note, split, or dropped) and the import goes on
};

struct ContactRecord {
  int line = 0;               // the line the record starts on, for FILE:LINE messages
  std::string file;           // the file it came from, when a source reads several (else empty)
  Contact contact;            // contact.uid: the file's own identity (a vCard UID), else empty
  std::string introduced_by;  // a reference to the introducer, if any
  std::optional<date::year_month_day> connected_on;  // when you connected (LinkedIn)
  std::string error;               // non-empty: the record is malformed; the whole import fails
  std::string skipped;             // non-empty: left out on purpose (a row with no name), and why
  std::vector<FieldIssue> issues;  // fields kept in another form, or left out
  bool named = false;  // the file gives no name: the contact is named by its company or email
};

class ContactSource {
 public:
  virtual ~ContactSource() = default;

  // Reads the next record into `record` (cleared first); false at the end of the input.
  virtual bool next(ContactRecord& record) = 0;

  // What the user should know that is not an error, e.g. "ignored columns: Nickname, Fax".
  virtual std::vector<std::string> notices() const { return {}; }
};

}  // namespace kith
