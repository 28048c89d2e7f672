// The contact group is split by what its commands do: contact.cpp adds, shows and lists,
// and wires the group; contact_edit.cpp changes one contact (edit, archive, unarchive,
// snooze); contact_remove.cpp deletes (rm, merge).
#pragma once

namespace CLI {
class App;
}

namespace kith::cli {

class Context;

void add_contact_edit(CLI::App& contact, Context& ctx);
void add_contact_archive(CLI::App& contact, Context& ctx);
void add_contact_unarchive(CLI::App& contact, Context& ctx);
void add_contact_snooze(CLI::App& contact, Context& ctx);
void add_contact_rm(CLI::App& contact, Context& ctx);
void add_contact_merge(CLI::App& contact, Context& ctx);

}  // namespace kith::cli
