// kith log, kith conversation show|edit|rm, kith timeline.
// GCC 12 at -O2 reports a false "potential null pointer dereference" inside libstdc++'s
// vector<string> relocation once CLI11's option builders are inlined here; there is no
// pointer in this file's code to check.
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/commands.hpp"
#include "commands/options.hpp"
#include "editor.hpp"
#include "kith/error.hpp"
#include "kith/services/contact_service.hpp"
#include "kith/services/conversation_service.hpp"
#include "render/contact_view.hpp"
#include "render/conversation_view.hpp"
#include "render/dates.hpp"
#include "render/json.hpp"

namespace kith::cli {

namespace {

struct LogOptions {
  std::vector<std::string> refs;
  std::string summary;
  std::string on = "today";
  std::string channel = "other";
  std::string direction = "out";
  std::string note;
  std::string follow_up;
  std::string event;
  bool no_follow_up = false;
  bool edit = false;
  bool message_given = false;
};

struct ConversationEditOptions {
  std::string id;
  std::string on, channel, direction, summary, note;
};

std::vector<std::string> channel_names() {
  std::vector<std::string> out;
  for (auto ch : all_channels()) out.emplace_back(to_string(ch));
  return out;
}

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
  bool with_summary = !o.message_given;
  std::string initial = o.note;
  std::string comments = "# Your conversation with " + names + " (kith log, " + o.channel + ").\n";
  if (with_summary) {
    initial = o.note.empty() ? "" : "\n\n" + o.note;
    comments += "# The first line is the summary; the rest, after a blank line, is the note.\n";
  } else {
    comments += "# Summary: " + o.summary + "\n# Write the note.\n";
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

void run_log(Context& ctx, const LogOptions& o) {
  if (!o.message_given && !o.edit) {
    throw Error(ErrorKind::usage, "--message is required (or --edit to write it in $EDITOR)");
  }
  LogRequest request;
  request.refs = o.refs;
  request.event = o.event;
  request.conversation.on = parse_day(ctx, o.on, DatePreference::past);
  request.conversation.channel = *parse_channel(o.channel);
  request.conversation.direction = *parse_direction(o.direction);
  request.conversation.summary = o.summary;
  request.conversation.note = o.note;
  if (o.no_follow_up) {
    request.follow_up.mode = FollowUpChoice::Mode::none;
  } else if (!o.follow_up.empty()) {
    request.follow_up.mode = FollowUpChoice::Mode::on;
    request.follow_up.on = parse_day(ctx, o.follow_up, DatePreference::future);
  }
  if (o.edit) edit_log_text(ctx, o, request.conversation);
  ConversationService service(ctx.journal(Journal::Access::write), ctx.moment(), ctx.settings());
  LogResult result = service.log(request);
  if (ctx.json()) {
    render::Json j = render::to_json(result.conversation, result.contacts);
    render::Json created = render::Json::array();
    for (const auto& f : result.follow_ups) created.push_back(render::to_json(f));
    j["follow_ups_created"] = created;
    render::print_json(ctx.out(), j);
  }
  std::string names;
  for (const auto& c : result.contacts) names += (names.empty() ? "" : ", ") + c.name;
  ctx.info("logged conversation " + std::to_string(result.conversation.id) + " with " + names +
           " on " + format_date(result.conversation.on));
  for (const auto& f : result.follow_ups) {
    ctx.info("created follow-up " + std::to_string(f.follow_up.id) + " for " + f.contact.name +
             ", due " + render::day_with_weekday(f.follow_up.due_on) + ": " + f.follow_up.note);
  }
}

void run_conversation_edit(Context& ctx, CLI::App& cmd, const ConversationEditOptions& o) {
  ConversationChanges ch;
  auto id = parse_record_id(o.id, "conversation");
  if (cmd.count("--on") > 0) ch.on = parse_day(ctx, o.on, DatePreference::past);
  if (cmd.count("--channel") > 0) ch.channel = parse_channel(o.channel);
  if (cmd.count("--direction") > 0) ch.direction = parse_direction(o.direction);
  if (cmd.count("--message") > 0) ch.summary = o.summary;
  if (cmd.count("--note") > 0) ch.note = o.note;
  ConversationService service(ctx.journal(Journal::Access::write), ctx.moment(), ctx.settings());
  service.edit(id, ch);
  auto [v, contacts] = service.get(id);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(v, contacts));
  ctx.info("updated conversation " + std::to_string(id));
}

}  // namespace

void add_log_commands(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<LogOptions>();
  auto* log = app.add_subcommand("log", "Record a conversation with one or more people");
  log->fallthrough();
  log->add_option("REF", o->refs, "The people: ids, emails, URLs or parts of names")->required();
  auto* message =
      log->add_option("-m,--message", o->summary, "What you talked about (required without --edit)")
          ->type_name("SUMMARY");
  log->add_option("--on", o->on, "When it happened (default today; e.g. yesterday, last fri)")
      ->type_name("WHEN");
  log->add_option("--channel", o->channel,
                  "How: coffee, call, video, email, message, meeting, "
                  "event, info-interview, interview, other")
      ->check(CLI::IsMember(channel_names()))
      ->type_name("CH");
  log->add_option("--direction", o->direction, "out: you reached out; in: they did")
      ->check(CLI::IsMember({"out", "in"}))
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
  log->footer(
      "Examples:\n"
      "  kith log ada -m \"coffee, talked about Rust jobs\" --channel coffee\n"
      "  kith log ada grace -m \"panel after the meetup\" --channel event --on yesterday\n"
      "  kith log linus -m \"how his team runs on-call\" --channel info-interview\n"
      "  kith log ada --channel call --edit    (summary and note in your editor)\n"
      "The first in-person meeting (coffee, meeting, event) creates a follow-up two days\n"
      "later; an (info-)interview creates a thank-you for the next day.");
  log->callback([&ctx, o, message] {
    o->message_given = message->count() > 0;
    ctx.action = [&ctx, o] { run_log(ctx, *o); };
  });

  auto* conversation =
      app.add_subcommand("conversation", "Show, correct or delete a logged conversation");
  conversation->alias("convo");
  conversation->require_subcommand(1);
  conversation->fallthrough();

  auto show_id = std::make_shared<std::string>();
  auto* show = conversation->add_subcommand("show", "Show a conversation");
  show->fallthrough();
  show->add_option("ID", *show_id, "The conversation id (see kith timeline)")->required();
  show->callback([&ctx, show_id] {
    ctx.action = [&ctx, show_id] {
      auto id = parse_record_id(*show_id, "conversation");
      ConversationService service(ctx.journal(Journal::Access::read), ctx.moment(), ctx.settings());
      auto [v, contacts] = service.get(id);
      if (ctx.json()) {
        render::print_json(ctx.out(), render::to_json(v, contacts));
      } else {
        render::print_conversation(ctx.out(), v, contacts, ctx.color());
      }
    };
  });

  auto e = std::make_shared<ConversationEditOptions>();
  auto* edit = conversation->add_subcommand("edit", "Correct a conversation");
  edit->fallthrough();
  edit->add_option("ID", e->id, "The conversation id")->required();
  edit->add_option("--on", e->on, "When it happened")->type_name("WHEN");
  edit->add_option("--channel", e->channel, "How")
      ->check(CLI::IsMember(channel_names()))
      ->type_name("CH");
  edit->add_option("--direction", e->direction, "out or in")
      ->check(CLI::IsMember({"out", "in"}))
      ->type_name("out|in");
  edit->add_option("-m,--message", e->summary, "A new summary")->type_name("SUMMARY");
  edit->add_option("--note", e->note, "A new note (\"\" clears)")->type_name("TEXT");
  edit->callback(
      [&ctx, e, edit] { ctx.action = [&ctx, e, edit] { run_conversation_edit(ctx, *edit, *e); }; });

  auto rm_id = std::make_shared<std::string>();
  auto* rm = conversation->add_subcommand("rm", "Delete a conversation");
  rm->fallthrough();
  rm->add_option("ID", *rm_id, "The conversation id")->required();
  rm->callback([&ctx, rm_id] {
    ctx.action = [&ctx, rm_id] {
      auto id = parse_record_id(*rm_id, "conversation");
      ConversationService service(ctx.journal(Journal::Access::write), ctx.moment(),
                                  ctx.settings());
      Conversation v = service.remove(id);
      ctx.info("deleted conversation " + std::to_string(id) + " of " + format_date(v.on) + ": " +
               v.summary);
    };
  });

  auto ref = std::make_shared<std::string>();
  auto* timeline = app.add_subcommand("timeline", "Everything about a person, in date order");
  timeline->fallthrough();
  timeline->add_option("REF", *ref, "The contact")->required();
  timeline->callback([&ctx, ref] {
    ctx.action = [&ctx, ref] {
      ConversationService service(ctx.journal(Journal::Access::read), ctx.moment(), ctx.settings());
      auto t = service.timeline(*ref);
      if (ctx.json()) {
        render::print_json(ctx.out(), render::to_json(t));
      } else {
        render::print_timeline(ctx.out(), t, ctx.moment().today, ctx.color());
      }
    };
  });
}

}  // namespace kith::cli
