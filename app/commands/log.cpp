// kith log, kith conversation show|edit|rm, kith timeline.
// GCC 12 at -O2 reports a false "potential null pointer dereference" inside libstdc++'s
// vector<string> relocation once CLI11's option builders are inlined here; there is no
// pointer in this file's code to check.
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "commands/options.hpp"
#include "editor.hpp"
#include "kith/error.hpp"
#include "kith/services/contact_service.hpp"
#include "kith/services/conversation_service.hpp"
#include "render/conversation_view.hpp"
#include "usage_error.hpp"

namespace kith::cli {

namespace {

struct LogOptions {
  std::vector<std::string> refs;
  std::optional<std::string> summary;
  std::optional<std::string> on;  // not given: today, or the event's day
  std::string channel = "other";
  std::string direction = "out";
  std::string note;
  std::string follow_up;
  std::string event;
  bool no_follow_up = false;
  bool done = false;
  bool edit = false;
  const CLI::App* command = nullptr;  // to see which REFs came after -m
};

struct ConversationEditOptions {
  std::string id;
  std::optional<std::string> on, channel, direction, summary, note;
};

// conversation show and rm, and timeline: one ID or REF each.
struct OneOptions {
  std::string target;
};

// Opens the editor on the note (and on the summary when -m was not given, git-commit style:
// the first line is the summary, the rest after a blank line the note). The people are looked
// up first, so a mistyped REF fails before any writing is lost.
void edit_log_text(Context& ctx, const LogOptions& o, Conversation& conversation) {
  std::string names;
  {
    ContactService contacts(ctx.journal(Journal::Access::write), ctx.moment());
    for (const auto& ref : o.refs) {
      names += (names.empty() ? "" : ", ") + contacts.details(ref).contact.name;
    }
  }
  bool with_summary = !o.summary;
  std::string initial = o.note;
  std::string comments = "# Your conversation with " + names + " (kith log, " + o.channel + ").\n";
  if (with_summary) {
    initial = o.note.empty() ? "" : "\n\n" + o.note;
    comments += "# The first line is the summary; the rest, after a blank line, is the note.\n";
  } else {
    comments += "# Summary: " + *o.summary + "\n# Write the note.\n";
  }
  comments += "# Lines starting with # are ignored; an empty message aborts.\n";
  std::string text = edit_text(ctx, initial, comments, with_summary ? "message" : "note");
  if (!with_summary) {
    conversation.note = text;
    return;
  }
  auto eol = text.find('\n');
  conversation.summary = text.substr(0, eol);
  conversation.note = "";
  if (eol != std::string::npos) {
    auto rest = text.find_first_not_of('\n', eol);
    if (rest != std::string::npos) conversation.note = text.substr(rest);
  }
}

// A summary typed without quotes (`kith log maya -m had coffee with her`) leaves its words
// after the first as REFs. When one of them named nobody, say so instead of "no contact".
void explain_unquoted_summary(const LogOptions& o) {
  const auto& order = o.command->parse_order();
  const auto message = std::find(order.begin(), order.end(), o.command->get_option("--message"));
  if (message == order.end()) return;
  auto positional = [](const CLI::Option* x) { return x->get_positional(); };
  // The REFs typed before -m, and those right after its value with no option between.
  const auto before = static_cast<std::size_t>(std::count_if(order.begin(), message, positional));
  const auto after = static_cast<std::size_t>(
      std::find_if_not(message + 1, order.end(), positional) - (message + 1));
  if (after == 0 || before + after > o.refs.size()) return;
  std::string words, fixed = "kith log";
  for (std::size_t i = 0; i < before; ++i) fixed += " " + shell_word(o.refs[i]);
  for (std::size_t i = before; i < before + after; ++i) {
    words += (words.empty() ? "" : " ") + o.refs[i];
  }
  fixed += " -m " + shell_word(o.summary.value_or("") + " " + words);
  throw Error(ErrorKind::usage,
              std::string(after > 1 ? "unexpected arguments '" : "unexpected argument '") + words +
                  "' after the summary; quote a summary with spaces: " + fixed);
}

void run_log(Context& ctx, const LogOptions& o) {
  if (!o.summary && !o.edit) {
    throw Error(ErrorKind::usage, "--message is required (or --edit to write it in $EDITOR)");
  }
  LogRequest request;
  request.refs = o.refs;
  request.event = o.event;
  request.dated = o.on.has_value();
  request.conversation.on = parse_day(ctx, o.on.value_or("today"), DatePreference::past);
  request.conversation.channel = *parse_channel(o.channel);
  request.conversation.direction = *parse_direction(o.direction);
  request.conversation.summary = o.summary.value_or("");
  request.conversation.note = o.note;
  if (o.no_follow_up) {
    request.follow_up.mode = FollowUpChoice::Mode::none;
  } else if (!o.follow_up.empty()) {
    request.follow_up.mode = FollowUpChoice::Mode::on;
    request.follow_up.on = parse_day(ctx, o.follow_up, DatePreference::future);
  }
  request.close_due = o.done;
  if (o.edit) edit_log_text(ctx, o, request.conversation);
  ConversationService service(ctx.journal(Journal::Access::write), ctx.moment(), ctx.settings());
  LogResult result;
  try {
    result = service.log(request);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::not_found) throw;
    explain_unquoted_summary(o);
    throw;
  }
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(result));
  std::string names;
  for (const auto& c : result.contacts) names += (names.empty() ? "" : ", ") + c.name;
  ctx.info("logged conversation " + std::to_string(result.conversation.id) + " with " + names +
           " on " + format_date(result.conversation.on));
  for (const auto& closed : result.closed)
    render::done_lines(closed, [&](const std::string& line) { ctx.info(line); });
  for (const auto& f : result.still_due) ctx.info(render::still_due_line(f, ctx.moment().today));
  for (const auto& f : result.follow_ups) {
    ctx.info(render::created_line(f) + ": " + f.follow_up.note);
  }
}

void run_conversation_show(Context& ctx, const OneOptions& o) {
  auto id = parse_record_id(o.target, "conversation");
  ConversationService service(ctx.journal(Journal::Access::read), ctx.moment(), ctx.settings());
  auto [v, contacts] = service.get(id);
  if (ctx.json()) {
    render::print_json(ctx.out(), render::to_json(v, contacts));
  } else {
    render::print_conversation(ctx.out(), v, contacts, ctx.color());
  }
}

void run_conversation_edit(Context& ctx, const ConversationEditOptions& o) {
  ConversationChanges ch;
  auto id = parse_record_id(o.id, "conversation");
  if (o.on) ch.on = parse_day(ctx, *o.on, DatePreference::past);
  if (o.channel) ch.channel = parse_channel(*o.channel);
  if (o.direction) ch.direction = parse_direction(*o.direction);
  ch.summary = o.summary;
  ch.note = o.note;
  ConversationService service(ctx.journal(Journal::Access::write), ctx.moment(), ctx.settings());
  service.edit(id, ch);
  auto [v, contacts] = service.get(id);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(v, contacts));
  ctx.info("updated conversation " + std::to_string(id));
}

void run_conversation_rm(Context& ctx, const OneOptions& o) {
  auto id = parse_record_id(o.target, "conversation");
  ConversationService service(ctx.journal(Journal::Access::write), ctx.moment(), ctx.settings());
  Conversation v = service.remove(id);
  ctx.info("deleted conversation " + std::to_string(id) + " of " + format_date(v.on) + ": " +
           v.summary);
}

void run_timeline(Context& ctx, const OneOptions& o) {
  ConversationService service(ctx.journal(Journal::Access::read), ctx.moment(), ctx.settings());
  auto t = service.timeline(o.target);
  if (ctx.json()) {
    render::print_json(ctx.out(), render::to_json(t));
  } else {
    render::print_timeline(ctx.out(), t, ctx.moment().today, ctx.color());
  }
}

// A command that takes one ID or REF.
void add_one_command(CLI::App& parent, Context& ctx, const char* name, const char* help,
                     const char* what, const char* what_help,
                     void (*run)(Context&, const OneOptions&)) {
  auto o = std::make_shared<OneOptions>();
  auto* cmd = parent.add_subcommand(name, help);
  cmd->fallthrough();
  cmd->add_option(what, o->target, what_help)->required();
  run_with(*cmd, ctx, o, run);
}

void add_log(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<LogOptions>();
  auto* log = app.add_subcommand("log", "Record a conversation with one or more people");
  log->fallthrough();
  o->command = log;
  log->add_option("REF", o->refs, "The people: ids, emails, URLs or parts of names")->required();
  add_change(*log, "-m,--message", o->summary, "What you talked about (required without --edit)")
      ->type_name("SUMMARY");
  add_change(*log, "--on", o->on,
             "When it happened (default today, or the day of the --event when it has passed)")
      ->type_name("WHEN");
  log->add_option("--channel", o->channel,
                  "How: coffee, call, video, email, message, meeting, "
                  "event, info-interview, interview, other")
      ->check(CLI::IsMember(enum_names(k_channel_names)))
      ->type_name("CH");
  log->add_option("--direction", o->direction, "out: you reached out; in: they did")
      ->check(CLI::IsMember(enum_names(k_direction_names)))
      ->type_name("out|in");
  log->add_option("--note", o->note, "A longer note")->type_name("TEXT");
  log->add_flag("--edit", o->edit,
                "Write the note (and, without -m, the summary as its first line) in $VISUAL or "
                "$EDITOR");
  log->add_option("--event", o->event, "The event it happened at")->type_name("EVENT");
  auto* fu = log->add_option("--follow-up", o->follow_up,
                             "Create a follow-up on this day instead "
                             "of the playbook's")
                 ->type_name("WHEN");
  log->add_flag("--no-follow-up", o->no_follow_up, "Create no follow-up")->excludes(fu);
  log->add_flag("--done", o->done,
                "This conversation settles their follow-ups due by today: mark them done");
  log->footer(
      "Examples:\n"
      "  kith log ada -m \"coffee, talked about Rust jobs\" --channel coffee\n"
      "  kith log ada grace -m \"panel after the meetup\" --channel event --on yesterday\n"
      "  kith log linus -m \"how his team runs on-call\" --channel info-interview\n"
      "  kith log ada --channel call --edit    (summary and note in your editor)\n"
      "  kith log ada -m \"sent the link\" --done   (and closes her due follow-up)\n"
      "The first in-person meeting (coffee, meeting, event) creates a follow-up two days\n"
      "later; an (info-)interview creates a thank-you for the next day.");
  run_with(*log, ctx, o, run_log);
}

void add_conversation_edit(CLI::App& conversation, Context& ctx) {
  auto o = std::make_shared<ConversationEditOptions>();
  auto* edit = conversation.add_subcommand("edit", "Correct a conversation");
  edit->fallthrough();
  edit->add_option("ID", o->id, "The conversation id")->required();
  add_change(*edit, "--on", o->on, "When it happened")->type_name("WHEN");
  add_change(*edit, "--channel", o->channel, "How")
      ->check(CLI::IsMember(enum_names(k_channel_names)))
      ->type_name("CH");
  add_change(*edit, "--direction", o->direction, "out or in")
      ->check(CLI::IsMember(enum_names(k_direction_names)))
      ->type_name("out|in");
  add_change(*edit, "-m,--message", o->summary, "A new summary")->type_name("SUMMARY");
  add_change(*edit, "--note", o->note, "A new note (\"\" clears)")->type_name("TEXT");
  run_with(*edit, ctx, o, run_conversation_edit);
}

void add_conversation_show(CLI::App& conversation, Context& ctx) {
  add_one_command(conversation, ctx, "show", "Show a conversation", "ID",
                  "The conversation id (see kith timeline)", run_conversation_show);
}

void add_conversation_rm(CLI::App& conversation, Context& ctx) {
  add_one_command(conversation, ctx, "rm", "Delete a conversation", "ID", "The conversation id",
                  run_conversation_rm);
}

}  // namespace

void add_log_command(CLI::App& app, Context& ctx) { add_log(app, ctx); }

void add_conversation_commands(CLI::App& app, Context& ctx) {
  auto* conversation =
      app.add_subcommand("conversation", "Show, correct or delete a logged conversation");
  conversation->alias("convo");
  conversation->require_subcommand(1);
  conversation->fallthrough();
  add_subcommands(*conversation, ctx,
                  {{"show", "", add_conversation_show},
                   {"edit", "", add_conversation_edit},
                   {"rm", "", add_conversation_rm}});
}

void add_timeline_command(CLI::App& app, Context& ctx) {
  add_one_command(app, ctx, "timeline", "Everything about a person, in date order", "REF",
                  "The contact", run_timeline);
}

}  // namespace kith::cli
