// Helpers shared by the storage and service tests: pinned days and moments, checks on the
// kith::Error a call throws, and row counts that show what reached the journal.
#pragma once

#include <SQLiteCpp/Database.h>
#include <date/date.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>

#include "kith/domain/moment.hpp"
#include "kith/domain/when.hpp"
#include "kith/error.hpp"
#include "kith/storage/contact_store.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

// Lets GoogleTest print an ErrorKind by name in failure messages.
inline std::string_view kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::usage:
      return "usage";
    case ErrorKind::invalid_data:
      return "invalid_data";
    case ErrorKind::ambiguous:
      return "ambiguous";
    case ErrorKind::corrupt:
      return "corrupt";
    case ErrorKind::not_found:
      return "not_found";
    case ErrorKind::internal:
      return "internal";
    case ErrorKind::cant_create:
      return "cant_create";
    case ErrorKind::io:
      return "io";
    case ErrorKind::busy:
      return "busy";
    case ErrorKind::permission:
      return "permission";
    case ErrorKind::config:
      return "config";
    case ErrorKind::schema_too_new:
      return "schema_too_new";
    case ErrorKind::interrupted:
      return "interrupted";
  }
  return "?";
}

inline void PrintTo(ErrorKind kind, std::ostream* os) { *os << kind_name(kind); }

namespace test {

inline date::year_month_day ymd(int y, unsigned m, unsigned d) {
  return date::year{y} / date::month{m} / date::day{d};
}

// The moment a command would run at on `today`, at 08:00 UTC.
inline Moment moment_on(date::year_month_day today) {
  return Moment{today, format_date(today) + "T08:00:00Z"};
}

// Succeeds when `call` throws a kith::Error of `kind` whose message contains every fragment.
template <class Call>
testing::AssertionResult fails_with(Call&& call, ErrorKind kind,
                                    std::initializer_list<std::string_view> fragments = {}) {
  try {
    call();
  } catch (const Error& e) {
    if (e.kind() != kind) {
      return testing::AssertionFailure() << "threw " << kind_name(e.kind()) << " ('" << e.what()
                                         << "'), expected " << kind_name(kind);
    }
    const std::string message = e.what();
    for (std::string_view fragment : fragments) {
      if (message.find(fragment) == std::string::npos) {
        return testing::AssertionFailure()
               << "message '" << message << "' does not contain '" << fragment << "'";
      }
    }
    return testing::AssertionSuccess() << "threw " << kind_name(kind) << ": " << message;
  } catch (const std::exception& e) {
    return testing::AssertionFailure() << "threw a non-kith exception: " << e.what();
  }
  return testing::AssertionFailure() << "did not throw; expected " << kind_name(kind);
}

// How many rows `table` holds (the name is one of the test's own literals).
inline int count_rows(Journal& journal, std::string_view table) {
  return journal.database().execAndGet("SELECT count(*) FROM " + std::string(table)).getInt();
}

// Inserts a contact straight into the store, bypassing the service's rules; returns its id.
inline std::int64_t insert_person(Journal& journal, const std::string& name) {
  Contact c;
  c.name = name;
  c.added_on = ymd(2026, 1, 1);
  c.created_at = c.updated_at = "2026-01-01T08:00:00Z";
  return ContactStore(journal).insert(c);
}

}  // namespace test
}  // namespace kith
