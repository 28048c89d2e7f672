// kith search QUERY and kith who --at COMPANY: getting people and conversations back out.
#include <CLI/CLI.hpp>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "commands/options.hpp"
#include "kith/domain/text.hpp"
#include "kith/error.hpp"
#include "kith/services/search_service.hpp"
#include "render/json.hpp"
#include "render/search_view.hpp"

namespace kith::cli {

namespace {

struct SearchOptions {
  std::vector<std::string> words;
  std::vector<std::string> kinds;
  std::string tag;
  std::string company;
  std::string since;
  std::string until;
  std::string channel;
  int limit = 20;
};

struct WhoOptions {
  std::string company;
  bool archived = false;
};

SearchKind parse_kind(const std::string& text) {
  if (text == "contact" || text == "contacts") return SearchKind::contact;
  if (text == "conversation" || text == "conversations") return SearchKind::conversation;
  if (text == "event" || text == "events") return SearchKind::event;
  throw Error(ErrorKind::usage,
              "--only takes contact, conversation or event, not \"" + text + "\"");
}

SearchRequest to_request(Context& ctx, const SearchOptions& o) {
  SearchRequest request;
  for (const auto& word : o.words) request.query += (request.query.empty() ? "" : " ") + word;
  for (const auto& kind : o.kinds) request.kinds.push_back(parse_kind(kind));
  request.tag = o.tag;
  request.company = o.company;
  if (!o.since.empty()) request.since = parse_day(ctx, o.since, DatePreference::past);
  if (!o.until.empty()) request.until = parse_day(ctx, o.until, DatePreference::past);
  request.channel = o.channel;
  request.limit = o.limit;
  return request;
}

void run_search(Context& ctx, const SearchOptions& o) {
  SearchRequest request = to_request(ctx, o);
  auto response = SearchService(ctx.journal(Journal::Access::read)).search(request);
  if (ctx.json()) {
    render::print_json(ctx.out(), render::to_json(response));
  } else if (response.results.empty()) {
    ctx.info("nothing matches " + quote_for_message(request.query));
  } else {
    render::print_search(ctx.out(), response, ctx.color());
  }
}

void run_who(Context& ctx, const WhoOptions& o) {
  auto people = SearchService(ctx.journal(Journal::Access::read)).who_at(o.company, o.archived);
  if (ctx.json()) {
    render::print_json(ctx.out(), render::to_json(people));
  } else if (people.empty()) {
    ctx.info("nobody you know at " + quote_for_message(o.company));
  } else {
    render::print_who(ctx.out(), people, ctx.moment().today, ctx.color());
  }
}

void add_search(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<SearchOptions>();
  auto* cmd = app.add_subcommand(
      "search", "Find contacts, conversations and events by what was written about them");
  cmd->fallthrough();
  cmd->add_option("query", o->words, "Words (all must match), \"a phrase\", prefix*, a OR b, -not")
      ->required()
      ->type_name("QUERY");
  cmd->add_option("--only", o->kinds, "Only this kind: contact, conversation or event")
      ->type_name("KIND");
  cmd->add_option("-t,--tag", o->tag, "Contacts or events with this tag (and their conversations)")
      ->type_name("TAG");
  cmd->add_option("-c,--company", o->company, "Contacts at this company (and their conversations)")
      ->type_name("COMPANY");
  cmd->add_option("--since", o->since,
                  "On or after this day (conversations, events, contacts added)")
      ->type_name("WHEN");
  cmd->add_option("--until", o->until, "On or before this day")->type_name("WHEN");
  cmd->add_option("--channel", o->channel, "Only conversations on this channel (coffee, call, ...)")
      ->type_name("CH");
  cmd->add_option("-n,--limit", o->limit, "Show at most this many results (default 20)")
      ->type_name("N");
  cmd->footer(
      "Matching ignores case and accents (jose finds José, soren finds Søren); the best\n"
      "matches come first, with the matched words [marked].\n\n"
      "Examples:\n"
      "  kith search rust compilers          # both words, anywhere\n"
      "  kith search '\"rust compilers\"'      # the phrase\n"
      "  kith search 'kube*' --only contact  # a prefix, people only\n"
      "  kith search rust --since 2026-01-01 --channel coffee");
  run_with(*cmd, ctx, o, run_search);
}

void add_who(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<WhoOptions>();
  auto* cmd = app.add_subcommand("who", "Who you know at a company, and when you last spoke");
  cmd->fallthrough();
  cmd->add_option("--at", o->company, "The company (its words, case and accents ignored)")
      ->required()
      ->type_name("COMPANY");
  cmd->add_flag("--archived", o->archived, "Include archived contacts");
  cmd->footer(
      "People whose company is COMPANY come first, most recently spoken to first; then\n"
      "people whose notes mention it.\n\n"
      "Examples:\n"
      "  kith who --at stripe\n"
      "  kith who --at \"Analytical Engines\" --json");
  run_with(*cmd, ctx, o, run_who);
}

}  // namespace

void add_search_commands(CLI::App& app, Context& ctx) {
  add_search(app, ctx);
  add_who(app, ctx);
}

}  // namespace kith::cli
