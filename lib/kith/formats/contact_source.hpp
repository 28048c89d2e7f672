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

struct ContactRecord {
  int line = 0;               // the line the record starts on, for FILE:LINE messages
  std::string file;           // the file it came from, when a source reads several (else empty)
  Contact contact;            // contact.uid: the file's own identity (a vCard UID), else empty
  std::string introduced_by;  // a reference to the introducer, if any
  std::optional<date::year_month_day> connected_on;  // when you connected (LinkedIn)
  std::string error;    // non-empty: the record is malformed; the whole import fails
  std::string skipped;  // non-empty: left out on purpose (a row with no name), and why
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
