// Ctrl-C and SIGTERM: the signal handler (in app/main.cpp) records the request and asks what to
// do. While a transaction is open (or once a commit has begun) the request waits: SQLite stops
// the running statement, the journal checks the request before every commit and the long loops
// (imports) check it between records, so an interrupted write rolls back and reports
// "interrupted; nothing was changed". Otherwise nothing is being written and the handler may
// exit at once, which also ends a wait for another process's lock.
#pragma once

struct sqlite3;

namespace kith {

// What the signal handler should do once it has recorded a request.
enum class InterruptAction {
  wait,            // a transaction is open or a commit has begun: the command stops by itself
  exit_unchanged,  // nothing is being written and nothing was: exiting now changes nothing
};

// Records an interrupt request, stops the watched connection's running statement if a
// transaction is open on it, and says whether the caller may exit at once.
// Async-signal-safe: called from the signal handler.
InterruptAction request_interrupt() noexcept;

// True once request_interrupt() has been called in this process.
bool interrupt_requested() noexcept;

// True once a write transaction of the watched connection began to commit: from then on an
// interrupt can no longer promise that nothing was changed. Async-signal-safe.
bool commit_started() noexcept;

// Throws Error(ErrorKind::interrupted, "interrupted; nothing was changed") when an interrupt
// was requested (saying instead that earlier changes were kept when a commit has happened).
void throw_if_interrupted();

// The connection request_interrupt() stops (nullptr for none); the journal registers its own.
// Also installs the commit hook that commit_started() reports.
void watch_connection(sqlite3* connection) noexcept;

// Stops watching `connection` if it is the watched one (it is about to close).
void unwatch_connection(sqlite3* connection) noexcept;

// Forgets any request and commit (for tests that run several commands in one process).
void clear_interrupt() noexcept;

}  // namespace kith
