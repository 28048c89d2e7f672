#include "kith/util/interrupt.hpp"

#include <sqlite3.h>

#include <atomic>

#include "kith/error.hpp"

namespace kith {

namespace {

std::atomic<bool> g_requested{false};
std::atomic<bool> g_commit_started{false};
std::atomic<sqlite3*> g_connection{nullptr};

static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<sqlite3*>::is_always_lock_free,
              "the signal handler needs lock-free atomics");

// SQLite calls this as a write transaction starts to commit; returning 0 lets it commit.
int on_commit(void*) {
  g_commit_started.store(true);
  return 0;
}

}  // namespace

InterruptAction request_interrupt() noexcept {
  g_requested.store(true);
  sqlite3* db = g_connection.load();
  if (g_commit_started.load()) {
    if (db != nullptr) sqlite3_interrupt(db);
    return InterruptAction::wait;
  }
  // sqlite3_get_autocommit reads one field, without a lock. It is still 1 while BEGIN
  // IMMEDIATE waits for another process's lock, which sqlite3_interrupt would not end.
  if (db == nullptr || sqlite3_get_autocommit(db) != 0) return InterruptAction::exit_unchanged;
  sqlite3_interrupt(db);
  return InterruptAction::wait;
}

bool interrupt_requested() noexcept { return g_requested.load(); }

bool commit_started() noexcept { return g_commit_started.load(); }

void throw_if_interrupted() {
  if (!interrupt_requested()) return;
  if (commit_started()) {
    throw Error(ErrorKind::interrupted,
                "interrupted; the changes saved before were kept, the rest was not made");
  }
  throw Error(ErrorKind::interrupted, "interrupted; nothing was changed");
}

void watch_connection(sqlite3* connection) noexcept {
  if (connection != nullptr) sqlite3_commit_hook(connection, on_commit, nullptr);
  g_connection.store(connection);
}

void unwatch_connection(sqlite3* connection) noexcept {
  g_connection.compare_exchange_strong(connection, nullptr);
}

void clear_interrupt() noexcept {
  g_requested.store(false);
  g_commit_started.store(false);
}

}  // namespace kith
