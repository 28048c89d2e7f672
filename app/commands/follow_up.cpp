// kith follow-up add|done|snooze|edit|cancel|list (also: kith fu).
#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "commands/options.hpp"
#include "kith/error.hpp"
#include "kith/services/follow_up_service.hpp"
#include "render/conversation_view.hpp"
#include "render/dates.hpp"
#include "usage_error.hpp"

namespace kith::cli {

namespace {

struct AddOptions {
  std::string ref, when, note, every, event;
};

struct TargetOptions {
  std::vector<std::string> targets;
};

struct SnoozeOptions {
  std::string id, when;
};

struct EditOptions {
  std::string id;
  std::optional<std::string> due, note;
};

struct ListOptions {
  std::string contact;
  bool all = false;
  bool plain = false;
  bool header = false;
};

// The day of `follow-up add`. Words that are no date and no NOTE after them mean the note
// took WHEN's place (`kith fu add maya "send the link"`): say that WHEN is missing.
date::year_month_day add_day(Context& ctx, const AddOptions& o) {
  try {
    return parse_day(ctx, o.when, DatePreference::future);
  } catch (const Error& e) {
    const bool digits = o.when.find_first_of("0123456789") != std::string::npos;
    if (e.kind() != ErrorKind::usage || !o.note.empty() || digits) throw;
    throw Error(ErrorKind::usage, "WHEN is missing: '" + o.when +
                                      "' is not a date; kith follow-up add " + shell_word(o.ref) +
                                      " WHEN " + shell_word(o.when) +
                                      ", where WHEN is e.g. fri, 3d, dec 1 or 2026-12-01");
  }
}

void run_add(Context& ctx, const AddOptions& o) {
  auto due = add_day(ctx, o);
  std::optional<Interval> every;
  if (!o.every.empty()) every = parse_interval(o.every);
  FollowUpService service(ctx.journal(Journal::Access::write), ctx.moment());
  auto v = service.add(o.ref, due, o.note, every, o.event);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(v));
  ctx.info("added " + render::follow_up_name(v) + ", due " +
           render::day_with_weekday(v.follow_up.due_on));
}

// One JSON object for one follow-up named, an array for several.
template <typename T>
void print_closed_json(Context& ctx, const std::vector<T>& closed, std::size_t named) {
  if (!ctx.json()) return;
  if (named == 1) return render::print_json(ctx.out(), render::to_json(closed.front()));
  render::Json all = render::Json::array();
  for (const auto& c : closed) all.push_back(render::to_json(c));
  render::print_json(ctx.out(), all);
}

void run_done(Context& ctx, const TargetOptions& o) {
  FollowUpService service(ctx.journal(Journal::Access::write), ctx.moment());
  auto results = service.done(o.targets);
  print_closed_json(ctx, results, o.targets.size());
  for (const auto& result : results) {
    render::done_lines(result, [&](const std::string& line) { ctx.info(line); });
  }
}

void run_cancel(Context& ctx, const TargetOptions& o) {
  FollowUpService service(ctx.journal(Journal::Access::write), ctx.moment());
  auto cancelled = service.cancel(o.targets);
  print_closed_json(ctx, cancelled, o.targets.size());
  for (const auto& v : cancelled) ctx.info("cancelled " + render::follow_up_name(v));
}

void run_snooze(Context& ctx, const SnoozeOptions& o) {
  auto id = parse_record_id(o.id, "follow-up");
  auto until = parse_day(ctx, o.when, DatePreference::future);
  FollowUpService service(ctx.journal(Journal::Access::write), ctx.moment());
  auto v = service.snooze(id, until);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(v));
  ctx.info("snoozed " + render::follow_up_name(v) + " until " + render::day_with_weekday(until));
}

void run_edit(Context& ctx, const EditOptions& o) {
  auto id = parse_record_id(o.id, "follow-up");
  if (!o.due && !o.note) {
    throw Error(ErrorKind::usage, "say what to change: --due WHEN or --note TEXT");
  }
  std::optional<date::year_month_day> due;
  if (o.due) due = parse_day(ctx, *o.due, DatePreference::future);
  FollowUpService service(ctx.journal(Journal::Access::write), ctx.moment());
  auto v = service.edit(id, due, o.note);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(v));
  ctx.info("updated " + render::follow_up_name(v) + ", due " +
           render::day_with_weekday(v.follow_up.due_on));
}

void run_list(Context& ctx, const ListOptions& o) {
  const OutputForm form = output_form(ctx, o.plain);
  FollowUpService service(ctx.journal(Journal::Access::read), ctx.moment());
  auto items = service.list(o.contact.empty() ? std::nullopt : std::optional(o.contact), o.all);
  if (form == OutputForm::json) {
    render::print_json(ctx.out(), render::to_json(items));
  } else if (form == OutputForm::plain) {
    render::print_follow_ups_plain(ctx.out(), items, ctx.moment().today, o.header);
  } else {
    render::print_follow_ups(ctx.out(), items, ctx.moment().today, ctx.color());
  }
}

void add_add(CLI::App& fu, Context& ctx) {
  auto o = std::make_shared<AddOptions>();
  auto* add = fu.add_subcommand("add", "Remember to get back to someone by a day");
  add->fallthrough();
  add->add_option("REF", o->ref, "The contact")->required();
  add->add_option("WHEN", o->when, "When (e.g. fri, 3d, dec 1, 2026-12-01)")->required();
  add->add_option("NOTE", o->note, "What to do");
  add->add_option("--every", o->every, "Repeat: when done, the next is due this much later")
      ->type_name("INTERVAL");
  add->add_option("--event", o->event, "The event this follows up on (for event debrief)")
      ->type_name("EVENT");
  add->footer(
      "Examples:\n"
      "  kith follow-up add ada fri \"send her the job link\"\n"
      "  kith fu add grace \"in 2 weeks\" \"ask about the CFP\"\n"
      "  kith fu add ken 2026-12-01 \"monthly check-in\" --every 1m");
  run_with(*add, ctx, o, run_add);
}

// done and cancel: follow-up ids, or people whose only open follow-up is meant.
void add_target_command(CLI::App& fu, Context& ctx, const char* name, const char* help,
                        void (*run)(Context&, const TargetOptions&)) {
  auto o = std::make_shared<TargetOptions>();
  auto* cmd = fu.add_subcommand(name, help);
  cmd->fallthrough();
  cmd->add_option("ID", o->targets,
                  "Follow-up ids (see kith follow-up list), or a person (REF) with one open "
                  "follow-up")
      ->required();
  cmd->footer(std::string("Examples:\n  kith follow-up ") + name + " 14\n  kith follow-up " + name +
              " 14 15\n  kith follow-up " + name + " ada      # Ada's only open follow-up");
  run_with(*cmd, ctx, o, run);
}

void add_done(CLI::App& fu, Context& ctx) {
  add_target_command(fu, ctx, "done", "Mark follow-ups done", run_done);
}

void add_cancel(CLI::App& fu, Context& ctx) {
  add_target_command(fu, ctx, "cancel", "Cancel follow-ups (they stay in the history)", run_cancel);
}

void add_snooze(CLI::App& fu, Context& ctx) {
  auto o = std::make_shared<SnoozeOptions>();
  auto* snooze = fu.add_subcommand("snooze", "Move a follow-up to a later day");
  snooze->fallthrough();
  snooze->add_option("ID", o->id, "The follow-up id")->required();
  snooze->add_option("WHEN", o->when, "Until when (e.g. 3d, mon, dec 1)")->required();
  snooze->footer(
      "Examples:\n"
      "  kith follow-up snooze 12 mon\n"
      "  kith fu snooze 12 3d\n"
      "Snooze only puts a follow-up off; kith follow-up edit ID --due WHEN brings one forward.");
  run_with(*snooze, ctx, o, run_snooze);
}

void add_edit(CLI::App& fu, Context& ctx) {
  auto o = std::make_shared<EditOptions>();
  auto* edit = fu.add_subcommand("edit", "Change a follow-up's day (earlier or later) or note");
  edit->fallthrough();
  edit->add_option("ID", o->id, "The follow-up id (see kith follow-up list)")->required();
  add_change(*edit, "--due", o->due, "The new day it is due (e.g. fri, 3d, dec 1)")
      ->type_name("WHEN");
  add_change(*edit, "--note", o->note, "The new note")->type_name("TEXT");
  edit->footer(
      "Examples:\n"
      "  kith follow-up edit 12 --due tomorrow     # sooner than planned\n"
      "  kith follow-up edit 12 --note \"send the CFP link\"");
  run_with(*edit, ctx, o, run_edit);
}

void add_list(CLI::App& fu, Context& ctx) {
  auto o = std::make_shared<ListOptions>();
  auto* list = fu.add_subcommand("list", "Open follow-ups by due date");
  list->alias("ls");
  list->fallthrough();
  list->add_option("--contact", o->contact, "Only this contact's")->type_name("REF");
  list->add_flag("--all", o->all, "Include done and cancelled ones");
  auto* plain = list->add_flag("--plain", o->plain, "Tab-separated lines for grep, awk, cut");
  list->add_flag("--header", o->header, "With --plain: a first line naming the columns")
      ->needs(plain);
  run_with(*list, ctx, o, run_list);
}

}  // namespace

void add_follow_up_commands(CLI::App& app, Context& ctx) {
  auto* fu = app.add_subcommand("follow-up", "Promises to get back to people, by a date");
  fu->alias("fu");
  fu->require_subcommand(1);
  fu->fallthrough();
  add_subcommands(*fu, ctx,
                  {{"add", "", add_add},
                   {"done", "", add_done},
                   {"cancel", "", add_cancel},
                   {"snooze", "", add_snooze},
                   {"edit", "", add_edit},
                   {"list", "ls", add_list}});
}

}  // namespace kith::cli
