// kith contact add|show|list, the short forms `kith add` and `kith show`, and the group.
#include "commands/contact.hpp"

#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "commands/options.hpp"
#include "kith/services/contact_service.hpp"
#include "kith/services/event_service.hpp"
#include "render/contact_view.hpp"
#include "render/conversation_view.hpp"

namespace kith::cli {

namespace {

struct AddOptions {
  Contact draft;
  ContactLinks links;
  std::string every;
  bool no_follow_up = false;
};

struct ShowOptions {
  std::string ref;
};

struct ListOptions {
  ContactFilter filter;
  bool archived = false;
  bool all = false;
  bool plain = false;
  bool header = false;
};

void run_add(Context& ctx, const AddOptions& o) {
  Contact draft = o.draft;
  if (!o.every.empty()) draft.cadence = parse_interval(o.every);
  ContactLinks links = o.links;
  links.follow_up = !o.no_follow_up;
  ContactService service(ctx.journal(Journal::Access::write), ctx.moment(), ctx.settings());
  MetResult met;
  Contact added = service.add(draft, links, &met);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(added));
  ctx.info("added " + render::label({added.id, added.name}));
  if (links.met_at.empty()) return;
  if (met.marked_attended) ctx.info("marked " + met.event.name + " as attended");
  ctx.info("met " + added.name + " at " + met.event.name);
  for (const auto& f : met.follow_ups) ctx.info(render::created_line(f));
}

void run_show(Context& ctx, const ShowOptions& o) {
  ContactService service(ctx.journal(Journal::Access::read), ctx.moment());
  auto details = service.details(o.ref);
  if (ctx.json()) {
    render::print_json(ctx.out(), render::to_json(details));
  } else {
    render::print_contact(ctx.out(), details, ctx.settings(), ctx.moment().today, ctx.color());
  }
}

void run_list(Context& ctx, const ListOptions& o) {
  const OutputForm form = output_form(ctx, o.plain);
  ContactFilter filter = o.filter;
  filter.archived = o.all        ? ContactFilter::Archived::include
                    : o.archived ? ContactFilter::Archived::only
                                 : ContactFilter::Archived::exclude;
  ContactService service(ctx.journal(Journal::Access::read), ctx.moment());
  auto contacts = service.list(filter);
  if (form == OutputForm::json) {
    render::print_json(ctx.out(), render::to_json(contacts));
  } else if (form == OutputForm::plain) {
    render::print_contact_list_plain(ctx.out(), contacts, o.header);
  } else {
    render::print_contact_list(ctx.out(), contacts, ctx.moment().today, ctx.color());
  }
}

// A subcommand of `contact`, or its short form on the root, which the root's help leaves out.
CLI::App* add_contact_subcommand(CLI::App& parent, const char* name, const char* help) {
  auto* cmd = parent.add_subcommand(name, help);
  if (parent.get_parent() == nullptr) cmd->group("");
  cmd->fallthrough();
  return cmd;
}

void add_contact_add(CLI::App& parent, Context& ctx) {
  auto o = std::make_shared<AddOptions>();
  auto* cmd = add_contact_subcommand(parent, "add", "Add a contact");
  cmd->add_option("NAME", o->draft.name, "The person's name")->required();
  cmd->add_option("-e,--email", o->draft.emails, "An email address (repeatable)")->type_name("E");
  cmd->add_option("-p,--phone", o->draft.phones, "A phone number (repeatable)")->type_name("P");
  cmd->add_option("-c,--company", o->draft.company, "Where they work")->type_name("C");
  cmd->add_option("--title", o->draft.title, "Their job title")->type_name("T");
  cmd->add_option("--location", o->draft.location, "Where they are")->type_name("L");
  cmd->add_option("--url", o->draft.url, "A profile URL, e.g. LinkedIn")->type_name("URL");
  cmd->add_option("-t,--tag", o->draft.tags, "A tag (repeatable); tags a, b, c, d set a cadence")
      ->type_name("T");
  cmd->add_option("--note", o->draft.note, "A free-form note")->type_name("TEXT");
  cmd->add_option("--how", o->draft.how_met, "How you met")->type_name("TEXT");
  cmd->add_option("--birthday", o->draft.birthday, "Their birthday: YYYY-MM-DD or --MM-DD")
      ->type_name("DATE");
  cmd->add_option("--via", o->links.via, "Who introduced you (a contact reference)")
      ->type_name("REF");
  cmd->add_option("--met-at", o->links.met_at,
                  "The event where you met (records them as met there)")
      ->type_name("EVENT");
  cmd->add_flag("--no-follow-up", o->no_follow_up, "With --met-at: create no follow-up");
  cmd->add_flag("--force", o->links.force,
                "Add them even if someone of the same name and company is in the journal");
  cmd->add_option("--every", o->every, "Keep in touch this often: 30d, 2w, 3m, 1y")
      ->type_name("INTERVAL");
  cmd->footer(
      "Examples:\n"
      "  kith add \"Ada Lovelace\" --email ada@example.com --company Analytical --tag a\n"
      "  kith add \"Grace Hopper\" --met-at \"rust berlin\" --how \"asked about my talk\"\n"
      "Tags a, b, c, d keep in touch every 30, 90, 180, 365 days; --every sets your own.");
  run_with(*cmd, ctx, o, run_add);
}

void add_contact_show(CLI::App& parent, Context& ctx) {
  auto o = std::make_shared<ShowOptions>();
  auto* cmd = add_contact_subcommand(parent, "show", "Everything known about a person");
  cmd->add_option("REF", o->ref, "The contact: id, email, URL or part of the name")->required();
  cmd->footer(
      "Examples:\n"
      "  kith show ada\n"
      "  kith show ada@example.com --json");
  run_with(*cmd, ctx, o, run_show);
}

void add_contact_list(CLI::App& contact, Context& ctx) {
  auto o = std::make_shared<ListOptions>();
  auto* cmd = contact.add_subcommand("list", "List contacts, sorted by name");
  cmd->alias("ls");
  cmd->fallthrough();
  cmd->add_option("-t,--tag", o->filter.tag, "Only contacts with this tag")->type_name("T");
  cmd->add_option("-c,--company", o->filter.company, "Only contacts at this company (any part)")
      ->type_name("C");
  auto* archived = cmd->add_flag("--archived", o->archived, "Only archived contacts");
  cmd->add_flag("--all", o->all, "Active and archived contacts")->excludes(archived);
  auto* plain = cmd->add_flag("--plain", o->plain, "Tab-separated lines for grep, awk, cut");
  cmd->add_flag("--header", o->header, "With --plain: a first line naming the columns")
      ->needs(plain);
  cmd->footer(
      "Examples:\n"
      "  kith contact list --tag a            # your inner circle\n"
      "  kith contact list --company stripe\n"
      "  kith contact list --plain | cut -f2  # the names, for a script");
  run_with(*cmd, ctx, o, run_list);
}

}  // namespace

void add_contact_commands(CLI::App& app, Context& ctx) {
  auto* contact = app.add_subcommand("contact", "Add, find, edit and remove people");
  contact->require_subcommand(1);
  contact->fallthrough();
  add_subcommands(*contact, ctx,
                  {{"add", "", add_contact_add},
                   {"show", "", add_contact_show},
                   {"list", "ls", add_contact_list},
                   {"edit", "", add_contact_edit},
                   {"archive", "", add_contact_archive},
                   {"unarchive", "", add_contact_unarchive},
                   {"snooze", "", add_contact_snooze},
                   {"rm", "", add_contact_rm},
                   {"merge", "", add_contact_merge}});
}

void add_add_command(CLI::App& app, Context& ctx) { add_contact_add(app, ctx); }

void add_show_command(CLI::App& app, Context& ctx) { add_contact_show(app, ctx); }

}  // namespace kith::cli
