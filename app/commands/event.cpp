// kith event add|list|show|edit|rm|attend|met|debrief|import.
#include <CLI/CLI.hpp>
#include <fstream>
#include <ostream>

#include "commands/commands.hpp"
#include "commands/options.hpp"
#include "input_buffer.hpp"
#include "kith/error.hpp"
#include "kith/services/event_service.hpp"
#include "render/contact_view.hpp"
#include "render/dates.hpp"
#include "render/event_view.hpp"
#include "render/json.hpp"

namespace kith::cli {

namespace {

struct EventOptions {
  std::string ref, name, on, at, where, url, about, status;
  std::vector<std::string> tags, untags;
};

std::chrono::minutes checked_time(const std::string& text) {
  auto t = parse_time(text);
  if (!t) throw Error(ErrorKind::usage, "invalid time '" + text + "'; use HH:MM, e.g. 19:00");
  return *t;
}

// The event's subcommand with one EVENT argument, recording its action.
CLI::App* add_event_command(CLI::App& parent, const char* name, const char* help,
                            std::string& ref) {
  auto* cmd = parent.add_subcommand(name, help);
  cmd->fallthrough();
  cmd->add_option("EVENT", ref, "The event: id, UID or part of its name")->required();
  return cmd;
}

void run_add(Context& ctx, const EventOptions& o) {
  Event e;
  e.name = o.name;
  e.starts_on = parse_day(ctx, o.on, DatePreference::future);
  if (!o.at.empty()) e.starts_at = checked_time(o.at);
  e.location = o.where;
  e.url = o.url;
  e.description = o.about;
  e.tags = o.tags;
  if (!o.status.empty()) e.status = *parse_attendance(o.status);
  EventService service(ctx.journal(Journal::Access::write), ctx.moment(), ctx.settings());
  Event added = service.add(e);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(added));
  ctx.info("added event " + added.name + " (#" + std::to_string(added.id) + ") on " +
           render::when(added));
}

void run_edit(Context& ctx, CLI::App& cmd, const EventOptions& o) {
  EventChanges ch;
  if (cmd.count("--name") > 0) ch.name = o.name;
  if (cmd.count("--on") > 0) ch.starts_on = parse_day(ctx, o.on, DatePreference::future);
  if (cmd.count("--at") > 0) {
    ch.starts_at = o.at == "none" ? std::optional<std::chrono::minutes>() : checked_time(o.at);
  }
  if (cmd.count("--where") > 0) ch.location = o.where;
  if (cmd.count("--url") > 0) ch.url = o.url;
  if (cmd.count("--about") > 0) ch.description = o.about;
  ch.add_tags = o.tags;
  ch.remove_tags = o.untags;
  if (!ch.name && !ch.starts_on && !ch.starts_at && !ch.location && !ch.url && !ch.description &&
      ch.add_tags.empty() && ch.remove_tags.empty()) {
    throw Error(ErrorKind::usage, "nothing to change; see kith event edit --help");
  }
  EventService service(ctx.journal(Journal::Access::write), ctx.moment(), ctx.settings());
  Event e = service.edit(o.ref, ch);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(e));
  ctx.info("updated event " + e.name + " (#" + std::to_string(e.id) + ")");
}

void run_met(Context& ctx, const std::string& event, const std::vector<std::string>& refs,
             bool no_follow_up) {
  EventService service(ctx.journal(Journal::Access::write), ctx.moment(), ctx.settings());
  MetResult r = service.met(event, refs, !no_follow_up);
  if (ctx.json()) {
    render::Json j{{"event", render::to_json(r.event)}, {"marked_attended", r.marked_attended}};
    j["recorded"] = render::Json::array();
    for (const auto& c : r.recorded) j["recorded"].push_back(render::to_json(c));
    j["already_recorded"] = render::Json::array();
    for (const auto& c : r.already) j["already_recorded"].push_back(render::to_json(c));
    j["follow_ups_created"] = render::Json::array();
    for (const auto& f : r.follow_ups) j["follow_ups_created"].push_back(render::to_json(f));
    render::print_json(ctx.out(), j);
  }
  if (r.marked_attended) ctx.info("marked " + r.event.name + " as attended");
  for (const auto& c : r.recorded) ctx.info("met " + c.name + " at " + r.event.name);
  for (const auto& c : r.already) ctx.info(c.name + " was already recorded at " + r.event.name);
  for (const auto& f : r.follow_ups) {
    ctx.info("created follow-up " + std::to_string(f.follow_up.id) + " for " + f.contact.name +
             ", due " + render::day_with_weekday(f.follow_up.due_on));
  }
}

}  // namespace

void import_calendar_file(Context& ctx, const std::string& file, bool dry_run) {
  std::ifstream stream;
  std::istream* in = &ctx.in();
  if (file != "-") {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
      throw Error(ErrorKind::not_found, "cannot read " + file + ": no such file");
    }
    stream.open(file, std::ios::binary);
    if (!stream) throw Error(ErrorKind::permission, "cannot read " + file + ": permission denied");
    in = &stream;
  }
  InputBuffer buffer("", in->rdbuf());
  std::istream input(&buffer);
  import_calendar_stream(ctx, input, file == "-" ? "<stdin>" : file, dry_run);
}

void import_calendar_stream(Context& ctx, std::istream& in, const std::string& shown,
                            bool dry_run) {
  auto access = dry_run ? Journal::Access::read : Journal::Access::write;
  EventService service(ctx.journal(access, true), ctx.moment(), ctx.settings());
  ImportReport report = service.import_calendar(in, shown, ctx.time_zone(), dry_run);
  using Action = ImportReport::Action;
  auto name = [](Action a) {
    return a == Action::added ? "added" : a == Action::updated ? "updated" : "unchanged";
  };
  if (ctx.json()) {
    render::Json j{{"dry_run", dry_run},
                   {"added", report.count(Action::added)},
                   {"updated", report.count(Action::updated)},
                   {"unchanged", report.count(Action::unchanged)}};
    j["events"] = render::Json::array();
    for (const auto& [action, e] : report.events) {
      render::Json item = render::to_json(e);
      item["action"] = name(action);
      j["events"].push_back(item);
    }
    render::print_json(ctx.out(), j);
  } else if (dry_run) {
    for (const auto& [action, e] : report.events) {
      ctx.out() << name(action) << "  " << render::when(e) << "  " << e.name << '\n';
    }
  }
  ctx.info(std::string(dry_run ? "would import: " : "imported: ") +
           std::to_string(report.count(Action::added)) + " added, " +
           std::to_string(report.count(Action::updated)) + " updated, " +
           std::to_string(report.count(Action::unchanged)) + " unchanged" +
           (dry_run ? " (dry run: nothing was written)" : ""));
}

void add_event_commands(CLI::App& app, Context& ctx) {
  auto* event = app.add_subcommand("event", "Meetups and conferences, and the people met there");
  event->require_subcommand(1);
  event->fallthrough();
  auto o = std::make_shared<EventOptions>();

  auto* add = event->add_subcommand("add", "Add an event you plan to attend (or attended)");
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
      ->check(CLI::IsMember({"planned", "attended", "skipped"}));
  add->callback([&ctx, o] { ctx.action = [&ctx, o] { run_add(ctx, *o); }; });

  auto past = std::make_shared<bool>(false);
  auto all = std::make_shared<bool>(false);
  auto plain = std::make_shared<bool>(false);
  auto header = std::make_shared<bool>(false);
  auto* list = event->add_subcommand("list", "Upcoming events (--past, --all)");
  list->alias("ls");
  list->fallthrough();
  auto* past_flag = list->add_flag("--past", *past, "Past events, latest first");
  list->add_flag("--all", *all, "All events")->excludes(past_flag);
  auto* plain_flag = list->add_flag("--plain", *plain, "Tab-separated lines for grep, awk, cut");
  list->add_flag("--header", *header, "With --plain: a first line naming the columns")
      ->needs(plain_flag);
  list->callback([&ctx, past, all, plain, header] {
    ctx.action = [&ctx, past, all, plain, header] {
      const OutputForm form = output_form(ctx, *plain);
      auto when = *all    ? EventStore::When::all
                  : *past ? EventStore::When::past
                          : EventStore::When::upcoming;
      EventService service(ctx.journal(Journal::Access::read), ctx.moment(), ctx.settings());
      auto events = service.list(when);
      if (form == OutputForm::json) {
        render::Json out = render::Json::array();
        for (const auto& s : events) {
          render::Json j = render::to_json(s.event);
          j["people_met"] = s.people_met;
          out.push_back(j);
        }
        render::print_json(ctx.out(), out);
      } else if (form == OutputForm::plain) {
        render::print_event_list_plain(ctx.out(), events, *header);
      } else {
        render::print_event_list(ctx.out(), events, ctx.color());
      }
    };
  });

  auto show_ref = std::make_shared<std::string>();
  add_event_command(*event, "show", "An event and everyone met there", *show_ref)
      ->callback([&ctx, show_ref] {
        ctx.action = [&ctx, show_ref] {
          EventService service(ctx.journal(Journal::Access::read), ctx.moment(), ctx.settings());
          auto d = service.details(*show_ref);
          if (ctx.json()) {
            render::print_json(ctx.out(), render::to_json(d));
          } else {
            render::print_event(ctx.out(), d, ctx.moment().today, ctx.color());
          }
        };
      });

  auto e = std::make_shared<EventOptions>();
  auto* edit = add_event_command(*event, "edit", "Change an event", e->ref);
  edit->add_option("--name", e->name, "A new name")->type_name("NAME");
  edit->add_option("--on", e->on, "A new day")->type_name("WHEN");
  edit->add_option("--at", e->at, "A new start time (none: all day)")->type_name("HH:MM");
  edit->add_option("--where", e->where, "Venue (\"\" clears)")->type_name("TEXT");
  edit->add_option("--url", e->url, "Event page (\"\" clears)")->type_name("URL");
  edit->add_option("--about", e->about, "Description (\"\" clears)")->type_name("TEXT");
  edit->add_option("-t,--tag", e->tags, "Add a tag (repeatable)")->type_name("T");
  edit->add_option("--untag", e->untags, "Remove a tag (repeatable)")->type_name("T");
  edit->callback([&ctx, e, edit] { ctx.action = [&ctx, e, edit] { run_edit(ctx, *edit, *e); }; });

  auto rm_ref = std::make_shared<std::string>();
  auto yes = std::make_shared<bool>(false);
  auto* rm = add_event_command(*event, "rm", "Delete an event (people met there stay)", *rm_ref);
  rm->add_flag("-y,--yes", *yes, "Do not ask (needed when not on a terminal)");
  rm->callback([&ctx, rm_ref, yes] {
    ctx.action = [&ctx, rm_ref, yes] {
      EventService service(ctx.journal(Journal::Access::write), ctx.moment(), ctx.settings());
      auto d = service.details(*rm_ref);
      std::string label = d.event.name + " (#" + std::to_string(d.event.id) + ")";
      if (!confirm(ctx, "Delete the event " + label + "?", *yes)) {
        ctx.info("nothing was deleted");
        return;
      }
      service.remove(std::to_string(d.event.id));
      ctx.info("deleted event " + label);
    };
  });

  auto attend_ref = std::make_shared<std::string>();
  auto status = std::make_shared<std::string>("attended");
  auto* attend = add_event_command(*event, "attend", "Mark an event attended, planned or skipped",
                                   *attend_ref);
  attend->add_option("--status", *status, "attended (default), planned or skipped")
      ->check(CLI::IsMember({"planned", "attended", "skipped"}));
  attend->callback([&ctx, attend_ref, status] {
    ctx.action = [&ctx, attend_ref, status] {
      EventService service(ctx.journal(Journal::Access::write), ctx.moment(), ctx.settings());
      Event ev = service.attend(*attend_ref, *parse_attendance(*status));
      if (ctx.json()) render::print_json(ctx.out(), render::to_json(ev));
      ctx.info("marked " + ev.name + " as " + std::string(to_string(ev.status)));
    };
  });

  auto met_ref = std::make_shared<std::string>();
  auto met_people = std::make_shared<std::vector<std::string>>();
  auto no_follow_up = std::make_shared<bool>(false);
  auto* met = add_event_command(*event, "met", "Record people you met at an event", *met_ref);
  met->add_option("REF", *met_people, "The people: ids, emails, URLs or parts of names")
      ->required();
  met->add_flag("--no-follow-up", *no_follow_up, "Create no follow-ups");
  met->footer(
      "Example:\n"
      "  kith event met \"rust berlin\" ada grace ken   # follow-ups due the next working day");
  met->callback([&ctx, met_ref, met_people, no_follow_up] {
    ctx.action = [&ctx, met_ref, met_people, no_follow_up] {
      run_met(ctx, *met_ref, *met_people, *no_follow_up);
    };
  });

  auto debrief_ref = std::make_shared<std::string>();
  add_event_command(*event, "debrief", "Who you met there still needs notes or a follow-up",
                    *debrief_ref)
      ->callback([&ctx, debrief_ref] {
        ctx.action = [&ctx, debrief_ref] {
          EventService service(ctx.journal(Journal::Access::read), ctx.moment(), ctx.settings());
          auto d = service.details(*debrief_ref);
          auto people = service.debrief(std::to_string(d.event.id));
          if (ctx.json()) {
            render::Json out = render::Json::array();
            for (const auto& p : people) {
              out.push_back({{"contact", render::to_json(p.contact)},
                             {"needs_notes", !p.has_notes},
                             {"needs_follow_up", !p.follow_up.has_value()}});
            }
            render::print_json(ctx.out(), out);
          } else {
            render::print_debrief(ctx.out(), d.event, people, ctx.color());
          }
        };
      });

  auto file = std::make_shared<std::string>();
  auto dry_run = std::make_shared<bool>(false);
  auto* import_cmd =
      event->add_subcommand("import", "Import events from an iCalendar (.ics) file or -");
  import_cmd->fallthrough();
  import_cmd->add_option("FILE", *file, "The .ics file, or - for standard input")->required();
  import_cmd->add_flag("-n,--dry-run", *dry_run, "Report what would change; write nothing");
  import_cmd->footer(
      "Examples:\n"
      "  kith event import ~/Downloads/rust-berlin.ics --dry-run\n"
      "  curl -s https://www.meetup.com/rust-berlin/events/ical/ | kith event import -\n"
      "Events are matched by UID: importing the same feed again changes nothing.");
  import_cmd->callback([&ctx, file, dry_run] {
    ctx.action = [&ctx, file, dry_run] { import_calendar_file(ctx, *file, *dry_run); };
  });
}

}  // namespace kith::cli
