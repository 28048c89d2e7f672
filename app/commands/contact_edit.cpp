// kith contact edit|archive|unarchive|snooze: the commands that change one contact.
#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/command.hpp"
#include "commands/contact.hpp"
#include "commands/options.hpp"
#include "editor.hpp"
#include "kith/error.hpp"
#include "kith/services/contact_service.hpp"
#include "render/contact_view.hpp"

namespace kith::cli {

namespace {

struct EditOptions {
  std::string ref;
  ContactChanges changes;  // the fields given; the cadence is parsed from `every` when run
  std::optional<std::string> every;
  bool note_edit = false;
};

struct RefOptions {
  std::string ref;
};

struct SnoozeOptions {
  std::string ref;
  std::string when;
};

bool changes_nothing(const ContactChanges& ch) {
  bool lists = !ch.add_emails.empty() || !ch.remove_emails.empty() || !ch.add_phones.empty() ||
               !ch.remove_phones.empty() || !ch.add_tags.empty() || !ch.remove_tags.empty();
  return !lists && !ch.name && !ch.company && !ch.title && !ch.location && !ch.url && !ch.note &&
         !ch.how_met && !ch.birthday && !ch.via;
}

// The current note, edited in $VISUAL or $EDITOR.
std::string edited_note(Context& ctx, ContactService& service, const std::string& ref) {
  Contact current = service.details(ref).contact;
  return edit_text(ctx, current.note,
                   "# The note on " + render::label({current.id, current.name}) +
                       " for kith contact edit --note-edit.\n"
                       "# Lines starting with # are ignored; an empty message aborts.\n"
                       "# (To clear the note, use --note \"\".)\n");
}

void run_edit(Context& ctx, const EditOptions& o) {
  ContactChanges ch = o.changes;
  if (o.every) ch.cadence = parse_optional_interval(*o.every);
  if (changes_nothing(ch) && !ch.cadence && !o.note_edit) {
    throw Error(ErrorKind::usage, "nothing to change; see kith contact edit --help");
  }
  // The settings name the cadence tiers, so a new tier tag can start its cadence today.
  ContactService service(ctx.journal(Journal::Access::write), ctx.moment(), ctx.settings());
  if (o.note_edit) ch.note = edited_note(ctx, service, o.ref);
  Contact edited = service.edit(o.ref, ch);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(edited));
  ctx.info("updated " + render::label({edited.id, edited.name}));
}

void set_archived(Context& ctx, const std::string& ref, bool archived) {
  ContactService service(ctx.journal(Journal::Access::write), ctx.moment());
  Contact c = service.set_archived(ref, archived);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(c));
  ctx.info(std::string(archived ? "archived " : "unarchived ") + render::label({c.id, c.name}));
}

void run_archive(Context& ctx, const RefOptions& o) { set_archived(ctx, o.ref, true); }

void run_unarchive(Context& ctx, const RefOptions& o) { set_archived(ctx, o.ref, false); }

void run_snooze(Context& ctx, const SnoozeOptions& o) {
  std::optional<date::year_month_day> until;
  if (o.when != "off") until = parse_day(ctx, o.when, DatePreference::future);
  ContactService service(ctx.journal(Journal::Access::write), ctx.moment());
  Contact c = service.snooze_cadence(o.ref, until);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(c));
  ctx.info(until ? "snoozed keeping in touch with " + c.name + " until " + format_date(*until)
                 : "keep-in-touch reminders for " + c.name + " are back on");
}

// archive and unarchive: one REF each.
void add_ref_command(CLI::App& contact, Context& ctx, const char* name, const char* help,
                     void (*run)(Context&, const RefOptions&)) {
  auto o = std::make_shared<RefOptions>();
  auto* cmd = contact.add_subcommand(name, help);
  cmd->fallthrough();
  cmd->add_option("REF", o->ref, "The contact")->required();
  run_with(*cmd, ctx, o, run);
}

}  // namespace

void add_contact_edit(CLI::App& contact, Context& ctx) {
  auto o = std::make_shared<EditOptions>();
  auto& ch = o->changes;
  auto* cmd =
      contact.add_subcommand("edit", "Change any field; add or remove tags, emails, phones");
  cmd->fallthrough();
  cmd->add_option("REF", o->ref, "The contact: id, email, URL or part of the name")->required();
  add_change(*cmd, "--name", ch.name, "A new name")->type_name("NAME");
  cmd->add_option("-e,--email", ch.add_emails, "Add an email (repeatable)")->type_name("E");
  cmd->add_option("--rm-email", ch.remove_emails, "Remove an email (repeatable)")->type_name("E");
  cmd->add_option("-p,--phone", ch.add_phones, "Add a phone (repeatable)")->type_name("P");
  cmd->add_option("--rm-phone", ch.remove_phones, "Remove a phone (repeatable)")->type_name("P");
  cmd->add_option("-t,--tag", ch.add_tags, "Add a tag (repeatable)")->type_name("T");
  cmd->add_option("--untag", ch.remove_tags, "Remove a tag (repeatable)")->type_name("T");
  add_change(*cmd, "-c,--company", ch.company, "Set the company (\"\" clears)")->type_name("C");
  add_change(*cmd, "--title", ch.title, "Set the title (\"\" clears)")->type_name("T");
  add_change(*cmd, "--location", ch.location, "Set the location (\"\" clears)")->type_name("L");
  add_change(*cmd, "--url", ch.url, "Set the profile URL (\"\" clears)")->type_name("URL");
  auto* note = add_change(*cmd, "--note", ch.note, "Set the note (\"\" clears)")->type_name("TEXT");
  cmd->add_flag("--note-edit", o->note_edit, "Edit the current note in $VISUAL or $EDITOR")
      ->excludes(note);
  add_change(*cmd, "--how", ch.how_met, "Set how you met (\"\" clears)")->type_name("TEXT");
  add_change(*cmd, "--birthday", ch.birthday, "Set the birthday (\"\" clears)")->type_name("DATE");
  add_change(*cmd, "--via", ch.via, "Set who introduced you (\"\" clears)")->type_name("REF");
  add_change(*cmd, "--every", o->every, "Set the cadence (none clears)")->type_name("INTERVAL");
  cmd->footer(
      "Examples:\n"
      "  kith contact edit ada --company \"Analytical Engines\" --tag a\n"
      "  kith contact edit grace -e grace@navy.example --every 2m\n"
      "  kith contact edit wei --title \"\"      # clears the title");
  run_with(*cmd, ctx, o, run_edit);
}

void add_contact_archive(CLI::App& contact, Context& ctx) {
  add_ref_command(contact, ctx, "archive", "Hide a contact from lists and reminders", run_archive);
}

void add_contact_unarchive(CLI::App& contact, Context& ctx) {
  add_ref_command(contact, ctx, "unarchive", "Bring an archived contact back", run_unarchive);
}

void add_contact_snooze(CLI::App& contact, Context& ctx) {
  auto o = std::make_shared<SnoozeOptions>();
  auto* cmd = contact.add_subcommand("snooze", "Quiet a keep-in-touch reminder until a day");
  cmd->fallthrough();
  cmd->add_option("REF", o->ref, "The contact")->required();
  cmd->add_option("WHEN", o->when, "Until when (e.g. 2w, dec 1); 'off' wakes it")->required();
  run_with(*cmd, ctx, o, run_snooze);
}

}  // namespace kith::cli
