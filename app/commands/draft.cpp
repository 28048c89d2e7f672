// kith draft: a ready-to-edit message to a contact, from a built-in template or the user's
// own in <config dir>/templates/<name>.txt.
#include "kith/domain/draft.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "kith/error.hpp"
#include "kith/services/conversation_service.hpp"
#include "render/draft_view.hpp"

namespace kith::cli {

namespace {

struct DraftOptions {
  std::string ref;
  std::string template_name;
};

// The user's override of `which`, or the built-in text; checked for unknown placeholders.
std::string template_text(Context& ctx, DraftTemplate which) {
  auto config = ctx.config_path().first;
  if (config.empty()) return std::string(builtin_template(which));
  auto path = config.parent_path() / "templates" / (std::string(to_string(which)) + ".txt");
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::string(builtin_template(which));
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) throw Error(ErrorKind::config, "cannot read the template " + path.string());
  if (auto name = unknown_placeholder(text.str())) {
    throw Error(ErrorKind::config,
                path.string() + ": unknown placeholder {" + *name +
                    "}; use {first_name}, {name}, {company}, {met}, {meeting}, {met_where}, "
                    "{met_when}, {last_channel}, {last_date} or {last_topic}");
  }
  return text.str();
}

void run_draft(Context& ctx, const DraftOptions& o) {
  auto moment = ctx.moment();
  ConversationService service(ctx.journal(Journal::Access::read), moment, ctx.settings());
  Timeline timeline = service.timeline(o.ref);
  std::optional<DraftMeeting> met;
  std::optional<Conversation> last;
  for (const auto& entry : timeline.entries) {
    if (entry.kind == TimelineEntry::Kind::met && !met)
      met = DraftMeeting{entry.event_name, entry.on};
    if (entry.kind == TimelineEntry::Kind::conversation) last = entry.conversation;
  }
  DraftTemplate which = o.template_name.empty() ? default_draft_template(met, last, moment.today)
                                                : *parse_draft_template(o.template_name);
  std::string text = render_draft(template_text(ctx, which),
                                  draft_facts(timeline.contact, met, last, moment.today));
  if (ctx.json()) {
    render::print_json(ctx.out(), render::draft_to_json(which, text));
  } else {
    ctx.out() << text;
    // The summary is the user's own note, often about the person ("she's moving to Berlin"):
    // shown beside the draft as context, never pasted into it.
    if (last) {
      ctx.info("your last conversation (" + std::string(to_string(last->channel)) + ", " +
               format_date(last->on) + "): " + last->summary +
               "; name one thing from it in the message");
    }
  }
}

}  // namespace

void add_draft_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<DraftOptions>();
  auto* cmd = app.add_subcommand("draft", "Print a ready-to-edit message to a contact");
  cmd->fallthrough();
  cmd->add_option("REF", o->ref, "The contact: id, email, URL or part of the name")->required();
  cmd->add_option("-t,--template", o->template_name,
                  "follow-up, thank-you, reconnect or intro-request (default: follow-up after "
                  "contact in the last 14 days, thank-you after an interview, else reconnect)")
      ->type_name("T")
      ->check(CLI::IsMember(enum_names(k_draft_template_names)));
  cmd->footer(
      "Examples:\n"
      "  kith draft ada | wl-copy\n"
      "  kith draft grace --template intro-request\n"
      "Override a template in <config dir>/templates/<name>.txt using {first_name}, {name},\n"
      "{company}, {met_where}, {met_when}, {last_channel}, {last_date} and {last_topic};\n"
      "a sentence whose placeholder is unknown for the contact is left out.");
  run_with(*cmd, ctx, o, run_draft);
}

}  // namespace kith::cli
