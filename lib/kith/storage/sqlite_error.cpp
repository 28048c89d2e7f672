#include "kith/storage/sqlite_error.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace kith {

Error translate_sqlite_error(const SQLite::Exception& e, const std::string& journal_name) {
  const std::string where = " (" + journal_name + ")";
  switch (e.getErrorCode() & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error(ErrorKind::busy,
                   "another kith process is using the journal" + where + "; try again in a moment");
    case SQLITE_FULL:
      return Error(ErrorKind::io, "the disk is full; nothing was changed" + where);
    case SQLITE_IOERR:
      return Error(ErrorKind::io, "I/O error while using the journal" + where +
                                      "; nothing was changed: " + e.getErrorStr());
    case SQLITE_READONLY:
      return Error(ErrorKind::permission,
                   "the journal is read-only" + where + "; check its permissions");
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return Error(ErrorKind::permission, "permission denied on the journal" + where);
    case SQLITE_CORRUPT:
      return Error(ErrorKind::corrupt,
                   "the journal is damaged" + where + "; restore a backup (kith restore PATH)");
    case SQLITE_NOTADB:
      return Error(ErrorKind::corrupt,
                   journal_name + " is not a kith journal (not an SQLite database)");
    case SQLITE_CANTOPEN:
      return Error(ErrorKind::cant_create, "cannot open the journal" + where);
    case SQLITE_INTERRUPT:
      return Error(ErrorKind::interrupted, "interrupted; nothing was changed");
    default:
      return Error(ErrorKind::internal,
                   std::string("unexpected database error") + where + ": " + e.what());
  }
}

}  // namespace kith
