// kith contact add|show|list|edit|archive|unarchive|snooze|rm|merge, and `kith add`.
#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/commands.hpp"
#include "commands/options.hpp"
#include "editor.hpp"
#include "kith/error.hpp"
#include "kith/services/contact_service.hpp"
#include "kith/services/event_service.hpp"
#include "render/contact_view.hpp"
#include "render/dates.hpp"
#include "render/json.hpp"

namespace kith::cli {

namespace {

struct AddOptions {
  Contact draft;
  ContactLinks links;
  std::string every;
  bool no_follow_up = false;
};

struct EditOptions {
  std::string ref;
  ContactChanges changes;
  std::string name, company, title, location, url, note, how, birthday, via, every;
  bool note_edit = false;
};

void add_add_options(CLI::App& cmd, AddOptions& o) {
  cmd.add_option("NAME", o.draft.name, "The person's name")->required();
  cmd.add_option("-e,--email", o.draft.emails, "An email address (repeatable)")->type_name("E");
  cmd.add_option("-p,--phone", o.draft.phones, "A phone number (repeatable)")->type_name("P");
  cmd.add_option("-c,--company", o.draft.company, "Where they work")->type_name("C");
  cmd.add_option("--title", o.draft.title, "Their job title")->type_name("T");
  cmd.add_option("--location", o.draft.location, "Where they are")->type_name("L");
  cmd.add_option("--url", o.draft.url, "A profile URL, e.g. LinkedIn")->type_name("URL");
  cmd.add_option("-t,--tag", o.draft.tags, "A tag (repeatable); tags a, b, c, d set a cadence")
      ->type_name("T");
  cmd.add_option("--note", o.draft.note, "A free-form note")->type_name("TEXT");
  cmd.add_option("--how", o.draft.how_met, "How you met")->type_name("TEXT");
  cmd.add_option("--birthday", o.draft.birthday, "Their birthday: YYYY-MM-DD or --MM-DD")
      ->type_name("DATE");
  cmd.add_option("--via", o.links.via, "Who introduced you (a contact reference)")
      ->type_name("REF");
  cmd.add_option("--met-at", o.links.met_at, "The event where you met (records them as met there)")
      ->type_name("EVENT");
  cmd.add_flag("--no-follow-up", o.no_follow_up, "With --met-at: create no follow-up");
  cmd.add_option("--every", o.every, "Keep in touch this often: 30d, 2w, 3m, 1y")
      ->type_name("INTERVAL");
}

void run_add(Context& ctx, AddOptions& o) {
  if (!o.every.empty()) o.draft.cadence = parse_interval(o.every);
  o.links.follow_up = !o.no_follow_up;
  ContactService service(ctx.journal(Journal::Access::write), ctx.moment(), ctx.settings());
  MetResult met;
  Contact added = service.add(o.draft, o.links, &met);
  if (ctx.json()) {
    render::print_json(ctx.out(), render::to_json(added));
  }
  ctx.info("added " + added.name + " (#" + std::to_string(added.id) + ")");
  if (o.links.met_at.empty()) return;
  if (met.marked_attended) ctx.info("marked " + met.event.name + " as attended");
  ctx.info("met " + added.name + " at " + met.event.name);
  for (const auto& f : met.follow_ups) {
    ctx.info("created follow-up " + std::to_string(f.follow_up.id) + " for " + f.contact.name +
             ", due " + render::day_with_weekday(f.follow_up.due_on));
  }
}

void add_edit_options(CLI::App& cmd, EditOptions& o) {
  auto& ch = o.changes;
  cmd.add_option("REF", o.ref, "The contact: id, email, URL or part of the name")->required();
  cmd.add_option("--name", o.name, "A new name")->type_name("NAME");
  cmd.add_option("-e,--email", ch.add_emails, "Add an email (repeatable)")->type_name("E");
  cmd.add_option("--rm-email", ch.remove_emails, "Remove an email (repeatable)")->type_name("E");
  cmd.add_option("-p,--phone", ch.add_phones, "Add a phone (repeatable)")->type_name("P");
  cmd.add_option("--rm-phone", ch.remove_phones, "Remove a phone (repeatable)")->type_name("P");
  cmd.add_option("-t,--tag", ch.add_tags, "Add a tag (repeatable)")->type_name("T");
  cmd.add_option("--untag", ch.remove_tags, "Remove a tag (repeatable)")->type_name("T");
  cmd.add_option("-c,--company", o.company, "Set the company (\"\" clears)")->type_name("C");
  cmd.add_option("--title", o.title, "Set the title (\"\" clears)")->type_name("T");
  cmd.add_option("--location", o.location, "Set the location (\"\" clears)")->type_name("L");
  cmd.add_option("--url", o.url, "Set the profile URL (\"\" clears)")->type_name("URL");
  auto* note = cmd.add_option("--note", o.note, "Set the note (\"\" clears)")->type_name("TEXT");
  cmd.add_flag("--note-edit", o.note_edit, "Edit the current note in $VISUAL or $EDITOR")
      ->excludes(note);
  cmd.add_option("--how", o.how, "Set how you met (\"\" clears)")->type_name("TEXT");
  cmd.add_option("--birthday", o.birthday, "Set the birthday (\"\" clears)")->type_name("DATE");
  cmd.add_option("--via", o.via, "Set who introduced you (\"\" clears)")->type_name("REF");
  cmd.add_option("--every", o.every, "Set the cadence (none clears)")->type_name("INTERVAL");
}

void run_edit(Context& ctx, CLI::App& cmd, EditOptions& o) {
  auto& ch = o.changes;
  auto set = [&](const char* flag, const std::string& value, std::optional<std::string>& field) {
    if (cmd.count(flag) > 0) field = value;
  };
  set("--name", o.name, ch.name);
  set("--company", o.company, ch.company);
  set("--title", o.title, ch.title);
  set("--location", o.location, ch.location);
  set("--url", o.url, ch.url);
  set("--note", o.note, ch.note);
  set("--how", o.how, ch.how_met);
  set("--birthday", o.birthday, ch.birthday);
  set("--via", o.via, ch.via);
  if (cmd.count("--every") > 0) ch.cadence = parse_optional_interval(o.every);
  bool lists = !ch.add_emails.empty() || !ch.remove_emails.empty() || !ch.add_phones.empty() ||
               !ch.remove_phones.empty() || !ch.add_tags.empty() || !ch.remove_tags.empty();
  if (!lists && !ch.name && !ch.company && !ch.title && !ch.location && !ch.url && !ch.note &&
      !ch.how_met && !ch.birthday && !ch.via && !ch.cadence && !o.note_edit) {
    throw Error(ErrorKind::usage, "nothing to change; see kith contact edit --help");
  }
  ContactService service(ctx.journal(Journal::Access::write), ctx.moment());
  if (o.note_edit) {
    Contact current = service.details(o.ref).contact;
    ch.note = edit_text(ctx, current.note,
                        "# The note on " + current.name + " (#" + std::to_string(current.id) +
                            ") for kith contact edit --note-edit.\n"
                            "# Lines starting with # are ignored; an empty message aborts.\n"
                            "# (To clear the note, use --note \"\".)\n");
  }
  Contact edited = service.edit(o.ref, ch);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(edited));
  ctx.info("updated " + edited.name + " (#" + std::to_string(edited.id) + ")");
}

}  // namespace

void add_contact_commands(CLI::App& app, Context& ctx) {
  auto* contact = app.add_subcommand("contact", "Add, find, edit and remove people");
  contact->require_subcommand(1);
  contact->fallthrough();

  auto add = std::make_shared<AddOptions>();
  for (auto* parent : {contact, &app}) {
    auto* cmd = parent->add_subcommand("add", "Add a contact");
    if (parent == &app) cmd->group("");  // `kith add` is the short form of `kith contact add`
    cmd->fallthrough();
    add_add_options(*cmd, *add);
    cmd->footer(
        "Examples:\n"
        "  kith add \"Ada Lovelace\" --email ada@example.com --company Analytical --tag a\n"
        "  kith add \"Grace Hopper\" --met-at \"rust berlin\" --how \"asked about my talk\"\n"
        "Tags a, b, c, d keep in touch every 30, 90, 180, 365 days; --every sets your own.");
    cmd->callback([&ctx, add] { ctx.action = [&ctx, add] { run_add(ctx, *add); }; });
  }

  auto ref = std::make_shared<std::string>();
  for (auto* parent : {contact, &app}) {
    auto* show = parent->add_subcommand("show", "Everything known about a person");
    if (parent == &app) show->group("");  // `kith show` is the short form of `kith contact show`
    show->fallthrough();
    show->add_option("REF", *ref, "The contact: id, email, URL or part of the name")->required();
    show->callback([&ctx, ref] {
      ctx.action = [&ctx, ref] {
        ContactService service(ctx.journal(Journal::Access::read), ctx.moment());
        auto details = service.details(*ref);
        if (ctx.json()) {
          render::print_json(ctx.out(), render::to_json(details));
        } else {
          render::print_contact(ctx.out(), details, ctx.settings(), ctx.moment().today,
                                ctx.color());
        }
      };
    });
  }

  auto filter = std::make_shared<ContactFilter>();
  auto archived = std::make_shared<bool>(false);
  auto all = std::make_shared<bool>(false);
  auto plain = std::make_shared<bool>(false);
  auto header = std::make_shared<bool>(false);
  auto* list = contact->add_subcommand("list", "List contacts, sorted by name");
  list->alias("ls");
  list->fallthrough();
  list->add_option("-t,--tag", filter->tag, "Only contacts with this tag")->type_name("T");
  list->add_option("-c,--company", filter->company, "Only contacts at this company (any part)")
      ->type_name("C");
  auto* archived_flag = list->add_flag("--archived", *archived, "Only archived contacts");
  list->add_flag("--all", *all, "Active and archived contacts")->excludes(archived_flag);
  auto* plain_flag = list->add_flag("--plain", *plain, "Tab-separated lines for grep, awk, cut");
  list->add_flag("--header", *header, "With --plain: a first line naming the columns")
      ->needs(plain_flag);
  list->callback([&ctx, filter, archived, all, plain, header] {
    ctx.action = [&ctx, filter, archived, all, plain, header] {
      const OutputForm form = output_form(ctx, *plain);
      filter->archived = *all        ? ContactFilter::Archived::include
                         : *archived ? ContactFilter::Archived::only
                                     : ContactFilter::Archived::exclude;
      ContactService service(ctx.journal(Journal::Access::read), ctx.moment());
      auto contacts = service.list(*filter);
      if (form == OutputForm::json) {
        render::Json out = render::Json::array();
        for (const auto& c : contacts) out.push_back(render::to_json(c));
        render::print_json(ctx.out(), out);
      } else if (form == OutputForm::plain) {
        render::print_contact_list_plain(ctx.out(), contacts, *header);
      } else {
        render::print_contact_list(ctx.out(), contacts, ctx.moment().today, ctx.color());
      }
    };
  });

  auto edit = std::make_shared<EditOptions>();
  auto* edit_cmd =
      contact->add_subcommand("edit", "Change any field; add or remove tags, emails, phones");
  edit_cmd->fallthrough();
  add_edit_options(*edit_cmd, *edit);
  edit_cmd->callback([&ctx, edit, edit_cmd] {
    ctx.action = [&ctx, edit, edit_cmd] { run_edit(ctx, *edit_cmd, *edit); };
  });

  for (bool archive : {true, false}) {
    auto* cmd = contact->add_subcommand(
        archive ? "archive" : "unarchive",
        archive ? "Hide a contact from lists and reminders" : "Bring an archived contact back");
    cmd->fallthrough();
    auto target = std::make_shared<std::string>();
    cmd->add_option("REF", *target, "The contact")->required();
    cmd->callback([&ctx, target, archive] {
      ctx.action = [&ctx, target, archive] {
        ContactService service(ctx.journal(Journal::Access::write), ctx.moment());
        Contact c = service.set_archived(*target, archive);
        if (ctx.json()) render::print_json(ctx.out(), render::to_json(c));
        ctx.info(std::string(archive ? "archived " : "unarchived ") + c.name + " (#" +
                 std::to_string(c.id) + ")");
      };
    });
  }

  auto snooze_ref = std::make_shared<std::string>();
  auto snooze_when = std::make_shared<std::string>();
  auto* snooze = contact->add_subcommand("snooze", "Quiet a keep-in-touch reminder until a day");
  snooze->fallthrough();
  snooze->add_option("REF", *snooze_ref, "The contact")->required();
  snooze->add_option("WHEN", *snooze_when, "Until when (e.g. 2w, dec 1); 'off' wakes it")
      ->required();
  snooze->callback([&ctx, snooze_ref, snooze_when] {
    ctx.action = [&ctx, snooze_ref, snooze_when] {
      std::optional<date::year_month_day> until;
      if (*snooze_when != "off") until = parse_day(ctx, *snooze_when, DatePreference::future);
      ContactService service(ctx.journal(Journal::Access::write), ctx.moment());
      Contact c = service.snooze_cadence(*snooze_ref, until);
      if (ctx.json()) render::print_json(ctx.out(), render::to_json(c));
      ctx.info(until ? "snoozed keeping in touch with " + c.name + " until " + format_date(*until)
                     : "keep-in-touch reminders for " + c.name + " are back on");
    };
  });

  auto rm_ref = std::make_shared<std::string>();
  auto yes = std::make_shared<bool>(false);
  auto* rm = contact->add_subcommand("rm", "Delete a contact and their conversations for good");
  rm->fallthrough();
  rm->add_option("REF", *rm_ref, "The contact")->required();
  rm->add_flag("-y,--yes", *yes, "Do not ask (needed when not on a terminal)");
  rm->callback([&ctx, rm_ref, yes] {
    ctx.action = [&ctx, rm_ref, yes] {
      ContactService service(ctx.journal(Journal::Access::write), ctx.moment());
      auto [d, counts] = service.removal_preview(*rm_ref);
      std::string label = d.contact.name + " (#" + std::to_string(d.contact.id) + ")";
      auto count = [](int n, const char* what) {
        return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
      };
      std::string question = "Delete " + label + " with " +
                             count(counts.conversations, "conversation") + " only with them, " +
                             count(counts.follow_ups, "follow-up") + " and " +
                             count(counts.events, "event record") + "?";
      if (!confirm(ctx, question, *yes)) {
        ctx.info("nothing was deleted");
        return;
      }
      service.remove(d.contact.id);
      ctx.info("deleted " + label);
    };
  });

  auto keep = std::make_shared<std::string>();
  auto other = std::make_shared<std::string>();
  auto* merge = contact->add_subcommand("merge", "Fold OTHER into KEEP, then delete OTHER");
  merge->fallthrough();
  merge->add_option("KEEP", *keep, "The contact to keep")->required();
  merge->add_option("OTHER", *other, "The duplicate to fold in")->required();
  merge->callback([&ctx, keep, other] {
    ctx.action = [&ctx, keep, other] {
      ContactService service(ctx.journal(Journal::Access::write), ctx.moment());
      Contact merged = service.merge(*keep, *other);
      if (ctx.json()) render::print_json(ctx.out(), render::to_json(merged));
      ctx.info("merged into " + merged.name + " (#" + std::to_string(merged.id) + ")");
    };
  });
}

}  // namespace kith::cli
