// kith event add|list|show|edit|rm|attend|met|debrief; `event import` is in event_import.cpp.
#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "commands/options.hpp"
#include "kith/error.hpp"
#include "kith/services/event_service.hpp"
#include "render/contact_view.hpp"
#include "render/conversation_view.hpp"
#include "render/event_view.hpp"

namespace kith::cli {

namespace {

struct AddOptions {
  std::string name, on, at, where, url, about, status;
  std::vector<std::string> tags;
};

struct ListOptions {
  bool past = false;
  bool all = false;
  bool plain = false;
  bool header = false;
};

// show and debrief: one EVENT each.
struct EventRefOptions {
  std::string ref;
};

struct EditOptions {
  std::string ref;
  EventChanges changes;  // the text fields given; day and time are parsed when run
  std::optional<std::string> on, at;
};

struct RmOptions {
  std::string ref;
  bool yes = false;
};

struct AttendOptions {
  std::string ref;
  std::string status = "attended";
};

struct MetOptions {
  std::string ref;
  std::vector<std::string> people;
  bool no_follow_up = false;
};

std::chrono::minutes checked_time(const std::string& text) {
  auto t = parse_time(text);
  if (!t) throw Error(ErrorKind::usage, "invalid time '" + text + "'; use HH:MM, e.g. 19:00");
  return *t;
}

EventService event_service(Context& ctx, Journal::Access access) {
  return EventService(ctx.journal(access), ctx.moment(), ctx.settings());
}

void run_add(Context& ctx, const AddOptions& o) {
  Event e;
  e.name = o.name;
  e.starts_on = parse_day(ctx, o.on, DatePreference::future);
  if (!o.at.empty()) e.starts_at = checked_time(o.at);
  e.location = o.where;
  e.url = o.url;
  e.description = o.about;
  e.tags = o.tags;
  if (!o.status.empty()) e.status = *parse_attendance(o.status);
  Event added = event_service(ctx, Journal::Access::write).add(e);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(added));
  ctx.info("added event " + added.name + " (#" + std::to_string(added.id) + ") on " +
           render::when(added));
}

void run_list(Context& ctx, const ListOptions& o) {
  const OutputForm form = output_form(ctx, o.plain);
  auto when = o.all ? EventPeriod::all : o.past ? EventPeriod::past : EventPeriod::upcoming;
  auto events = event_service(ctx, Journal::Access::read).list(when);
  if (form == OutputForm::json) {
    render::print_json(ctx.out(), render::to_json(events));
  } else if (form == OutputForm::plain) {
    render::print_event_list_plain(ctx.out(), events, o.header);
  } else {
    render::print_event_list(ctx.out(), events, ctx.color());
  }
}

void run_show(Context& ctx, const EventRefOptions& o) {
  auto d = event_service(ctx, Journal::Access::read).details(o.ref);
  if (ctx.json()) {
    render::print_json(ctx.out(), render::to_json(d));
  } else {
    render::print_event(ctx.out(), d, ctx.moment().today, ctx.color());
  }
}

void run_edit(Context& ctx, const EditOptions& o) {
  EventChanges ch = o.changes;
  if (o.on) ch.starts_on = parse_day(ctx, *o.on, DatePreference::future);
  if (o.at) {
    ch.starts_at = *o.at == "none" ? std::optional<std::chrono::minutes>() : checked_time(*o.at);
  }
  if (!ch.name && !ch.starts_on && !ch.starts_at && !ch.location && !ch.url && !ch.description &&
      ch.add_tags.empty() && ch.remove_tags.empty()) {
    throw Error(ErrorKind::usage, "nothing to change; see kith event edit --help");
  }
  Event e = event_service(ctx, Journal::Access::write).edit(o.ref, ch);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(e));
  ctx.info("updated event " + e.name + " (#" + std::to_string(e.id) + ")");
}

void run_rm(Context& ctx, const RmOptions& o) {
  EventService service = event_service(ctx, Journal::Access::write);
  auto d = service.details(o.ref);
  std::string label = d.event.name + " (#" + std::to_string(d.event.id) + ")";
  if (!confirm(ctx, "Delete the event " + label + "?", o.yes)) {
    ctx.info("nothing was deleted");
    return;
  }
  service.remove(std::to_string(d.event.id));
  ctx.info("deleted event " + label);
}

void run_attend(Context& ctx, const AttendOptions& o) {
  Event ev = event_service(ctx, Journal::Access::write).attend(o.ref, *parse_attendance(o.status));
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(ev));
  ctx.info("marked " + ev.name + " as " + std::string(to_string(ev.status)));
}

void run_met(Context& ctx, const MetOptions& o) {
  MetResult r = event_service(ctx, Journal::Access::write).met(o.ref, o.people, !o.no_follow_up);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(r));
  if (r.marked_attended) ctx.info("marked " + r.event.name + " as attended");
  for (const auto& c : r.recorded) ctx.info("met " + c.name + " at " + r.event.name);
  for (const auto& c : r.already) ctx.info(c.name + " was already recorded at " + r.event.name);
  for (const auto& f : r.follow_ups) ctx.info(render::created_line(f));
}

void run_debrief(Context& ctx, const EventRefOptions& o) {
  EventService service = event_service(ctx, Journal::Access::read);
  auto d = service.details(o.ref);
  auto people = service.debrief(std::to_string(d.event.id));
  if (ctx.json()) {
    render::print_json(ctx.out(), render::debrief_to_json(people));
  } else {
    render::print_debrief(ctx.out(), d.event, people, ctx.color());
  }
}

// An event subcommand whose first argument is the EVENT.
CLI::App* add_event_subcommand(CLI::App& event, const char* name, const char* help,
                               std::string& ref) {
  auto* cmd = event.add_subcommand(name, help);
  cmd->fallthrough();
  cmd->add_option("EVENT", ref, "The event: id, UID or part of its name")->required();
  return cmd;
}

void add_add(CLI::App& event, Context& ctx) {
  auto o = std::make_shared<AddOptions>();
  auto* add = event.add_subcommand("add", "Add an event you plan to attend (or attended)");
  add->fallthrough();
  add->add_option("NAME", o->name, "What it is called")->required();
  add->add_option("--on", o->on, "The day (e.g. thu, dec 3, 2026-12-03)")
      ->required()
      ->type_name("WHEN");
  add->add_option("--at", o->at, "Start time, HH:MM")->type_name("HH:MM");
  add->add_option("--where", o->where, "Venue and address")->type_name("TEXT");
  add->add_option("--url", o->url, "The event page")->type_name("URL");
  add->add_option("-t,--tag", o->tags, "A tag (repeatable)")->type_name("T");
  add->add_option("--about", o->about, "A description")->type_name("TEXT");
  add->add_option("--status", o->status, "planned (default), attended or skipped")
      ->check(CLI::IsMember(enum_names(k_attendance_names)))
      ->type_name("STATUS");
  add->footer(
      "Examples:\n"
      "  kith event add \"Rust NYC\" --on thu --at 18:30 --where \"Flatiron, New York\"\n"
      "  kith event add \"PyData London\" --on 2026-11-24 --status attended");
  run_with(*add, ctx, o, run_add);
}

void add_list(CLI::App& event, Context& ctx) {
  auto o = std::make_shared<ListOptions>();
  auto* list = event.add_subcommand("list", "Upcoming events (--past, --all)");
  list->alias("ls");
  list->fallthrough();
  auto* past = list->add_flag("--past", o->past, "Past events, latest first");
  list->add_flag("--all", o->all, "All events")->excludes(past);
  auto* plain = list->add_flag("--plain", o->plain, "Tab-separated lines for grep, awk, cut");
  list->add_flag("--header", o->header, "With --plain: a first line naming the columns")
      ->needs(plain);
  run_with(*list, ctx, o, run_list);
}

void add_show(CLI::App& event, Context& ctx) {
  auto o = std::make_shared<EventRefOptions>();
  auto* show = add_event_subcommand(event, "show", "An event and everyone met there", o->ref);
  run_with(*show, ctx, o, run_show);
}

void add_edit(CLI::App& event, Context& ctx) {
  auto o = std::make_shared<EditOptions>();
  auto& ch = o->changes;
  auto* edit = add_event_subcommand(event, "edit", "Change an event", o->ref);
  add_change(*edit, "--name", ch.name, "A new name")->type_name("NAME");
  add_change(*edit, "--on", o->on, "A new day")->type_name("WHEN");
  add_change(*edit, "--at", o->at, "A new start time (none: all day)")->type_name("HH:MM");
  add_change(*edit, "--where", ch.location, "Venue (\"\" clears)")->type_name("TEXT");
  add_change(*edit, "--url", ch.url, "Event page (\"\" clears)")->type_name("URL");
  add_change(*edit, "--about", ch.description, "Description (\"\" clears)")->type_name("TEXT");
  edit->add_option("-t,--tag", ch.add_tags, "Add a tag (repeatable)")->type_name("T");
  edit->add_option("--untag", ch.remove_tags, "Remove a tag (repeatable)")->type_name("T");
  run_with(*edit, ctx, o, run_edit);
}

void add_rm(CLI::App& event, Context& ctx) {
  auto o = std::make_shared<RmOptions>();
  auto* rm = add_event_subcommand(event, "rm", "Delete an event (people met there stay)", o->ref);
  rm->add_flag("-y,--yes", o->yes, "Do not ask (needed when not on a terminal)");
  run_with(*rm, ctx, o, run_rm);
}

void add_attend(CLI::App& event, Context& ctx) {
  auto o = std::make_shared<AttendOptions>();
  auto* attend =
      add_event_subcommand(event, "attend", "Mark an event attended, planned or skipped", o->ref);
  attend->add_option("--status", o->status, "attended (default), planned or skipped")
      ->check(CLI::IsMember(enum_names(k_attendance_names)));
  run_with(*attend, ctx, o, run_attend);
}

// kith event skip|plan EVENT: `attend` with that status, the words `due` suggests.
void add_status_word(CLI::App& event, Context& ctx, const char* name, const char* status,
                     const char* help) {
  auto o = std::make_shared<AttendOptions>();
  o->status = status;
  auto* cmd = add_event_subcommand(event, name, help, o->ref);
  run_with(*cmd, ctx, o, run_attend);
}

void add_skip(CLI::App& event, Context& ctx) {
  add_status_word(event, ctx, "skip", "skipped", "Mark an event skipped: you did not go");
}

void add_plan(CLI::App& event, Context& ctx) {
  add_status_word(event, ctx, "plan", "planned", "Mark an event planned: you mean to go");
}

void add_met(CLI::App& event, Context& ctx) {
  auto o = std::make_shared<MetOptions>();
  auto* met = add_event_subcommand(event, "met", "Record people you met at an event", o->ref);
  met->add_option("REF", o->people, "The people: ids, emails, URLs or parts of names")->required();
  met->add_flag("--no-follow-up", o->no_follow_up, "Create no follow-ups");
  met->footer(
      "Example:\n"
      "  kith event met \"rust berlin\" ada grace ken   # follow-ups due the next working day");
  run_with(*met, ctx, o, run_met);
}

void add_debrief(CLI::App& event, Context& ctx) {
  auto o = std::make_shared<EventRefOptions>();
  auto* debrief = add_event_subcommand(
      event, "debrief", "Who you met there still needs notes or a follow-up", o->ref);
  run_with(*debrief, ctx, o, run_debrief);
}

}  // namespace

void add_event_commands(CLI::App& app, Context& ctx) {
  auto* event = app.add_subcommand("event", "Meetups and conferences, and the people met there");
  event->require_subcommand(1);
  event->fallthrough();
  add_subcommands(*event, ctx,
                  {{"add", "", add_add},
                   {"list", "ls", add_list},
                   {"show", "", add_show},
                   {"edit", "", add_edit},
                   {"rm", "", add_rm},
                   {"attend", "", add_attend},
                   {"skip", "", add_skip},
                   {"plan", "", add_plan},
                   {"met", "", add_met},
                   {"debrief", "", add_debrief},
                   {"import", "", add_event_import}});
}

}  // namespace kith::cli
