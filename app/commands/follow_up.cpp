// kith follow-up add|done|snooze|cancel|list (also: kith fu).
#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/commands.hpp"
#include "commands/options.hpp"
#include "kith/error.hpp"
#include "kith/services/follow_up_service.hpp"
#include "render/conversation_view.hpp"
#include "render/dates.hpp"
#include "render/json.hpp"

namespace kith::cli {

namespace {

struct AddOptions {
  std::string ref, when, note, every, event;
};

std::string describe(const FollowUpView& v) {
  return "follow-up " + std::to_string(v.follow_up.id) + " for " + v.contact.name;
}

// Adds a subcommand that takes one follow-up id and reports what it did.
void add_id_command(CLI::App& parent, Context& ctx, const char* name, const char* help,
                    std::function<void(Context&, std::int64_t)> run) {
  auto id = std::make_shared<std::string>();
  auto* cmd = parent.add_subcommand(name, help);
  cmd->fallthrough();
  cmd->add_option("ID", *id, "The follow-up id (see kith follow-up list)")->required();
  cmd->callback([&ctx, id, run] {
    ctx.action = [&ctx, id, run] { run(ctx, parse_record_id(*id, "follow-up")); };
  });
}

}  // namespace

void add_follow_up_commands(CLI::App& app, Context& ctx) {
  auto* fu = app.add_subcommand("follow-up", "Promises to get back to people, by a date");
  fu->alias("fu");
  fu->require_subcommand(1);
  fu->fallthrough();

  auto a = std::make_shared<AddOptions>();
  auto* add = fu->add_subcommand("add", "Remember to get back to someone by a day");
  add->fallthrough();
  add->add_option("REF", a->ref, "The contact")->required();
  add->add_option("WHEN", a->when, "When (e.g. fri, 3d, dec 1, 2026-12-01)")->required();
  add->add_option("NOTE", a->note, "What to do");
  add->add_option("--every", a->every, "Repeat: when done, the next is due this much later")
      ->type_name("INTERVAL");
  add->add_option("--event", a->event, "The event this follows up on (for event debrief)")
      ->type_name("EVENT");
  add->callback([&ctx, a] {
    ctx.action = [&ctx, a] {
      auto due = parse_day(ctx, a->when, DatePreference::future);
      std::optional<Interval> every;
      if (!a->every.empty()) every = parse_interval(a->every);
      FollowUpService service(ctx.journal(Journal::Access::write), ctx.moment());
      auto v = service.add(a->ref, due, a->note, every, a->event);
      if (ctx.json()) render::print_json(ctx.out(), render::to_json(v));
      ctx.info("added " + describe(v) + ", due " + render::day_with_weekday(v.follow_up.due_on));
    };
  });

  add_id_command(*fu, ctx, "done", "Mark a follow-up done", [](Context& c, std::int64_t id) {
    FollowUpService service(c.journal(Journal::Access::write), c.moment());
    auto result = service.done(id);
    if (c.json()) {
      render::Json j = render::to_json(result.done);
      j["next"] = result.next ? render::to_json(*result.next) : render::Json(nullptr);
      render::print_json(c.out(), j);
    }
    c.info("done: " + describe(result.done));
    if (result.next) {
      c.info("next: " + describe(*result.next) + ", due " +
             render::day_with_weekday(result.next->follow_up.due_on));
    }
  });
  add_id_command(*fu, ctx, "cancel", "Cancel a follow-up (it stays in the history)",
                 [](Context& c, std::int64_t id) {
                   FollowUpService service(c.journal(Journal::Access::write), c.moment());
                   auto v = service.cancel(id);
                   if (c.json()) render::print_json(c.out(), render::to_json(v));
                   c.info("cancelled " + describe(v));
                 });

  auto sid = std::make_shared<std::string>();
  auto swhen = std::make_shared<std::string>();
  auto* snooze = fu->add_subcommand("snooze", "Move a follow-up to a later day");
  snooze->fallthrough();
  snooze->add_option("ID", *sid, "The follow-up id")->required();
  snooze->add_option("WHEN", *swhen, "Until when (e.g. 3d, mon, dec 1)")->required();
  snooze->callback([&ctx, sid, swhen] {
    ctx.action = [&ctx, sid, swhen] {
      auto id = parse_record_id(*sid, "follow-up");
      auto until = parse_day(ctx, *swhen, DatePreference::future);
      FollowUpService service(ctx.journal(Journal::Access::write), ctx.moment());
      auto v = service.snooze(id, until);
      if (ctx.json()) render::print_json(ctx.out(), render::to_json(v));
      ctx.info("snoozed " + describe(v) + " until " + render::day_with_weekday(until));
    };
  });

  auto contact = std::make_shared<std::string>();
  auto all = std::make_shared<bool>(false);
  auto plain = std::make_shared<bool>(false);
  auto header = std::make_shared<bool>(false);
  auto* list = fu->add_subcommand("list", "Open follow-ups by due date");
  list->alias("ls");
  list->fallthrough();
  list->add_option("--contact", *contact, "Only this contact's")->type_name("REF");
  list->add_flag("--all", *all, "Include done and cancelled ones");
  auto* plain_flag = list->add_flag("--plain", *plain, "Tab-separated lines for grep, awk, cut");
  list->add_flag("--header", *header, "With --plain: a first line naming the columns")
      ->needs(plain_flag);
  list->callback([&ctx, contact, all, plain, header] {
    ctx.action = [&ctx, contact, all, plain, header] {
      const OutputForm form = output_form(ctx, *plain);
      FollowUpService service(ctx.journal(Journal::Access::read), ctx.moment());
      auto items = service.list(contact->empty() ? std::nullopt : std::optional(*contact), *all);
      if (form == OutputForm::json) {
        render::Json out = render::Json::array();
        for (const auto& v : items) out.push_back(render::to_json(v));
        render::print_json(ctx.out(), out);
      } else if (form == OutputForm::plain) {
        render::print_follow_ups_plain(ctx.out(), items, ctx.moment().today, *header);
      } else {
        render::print_follow_ups(ctx.out(), items, ctx.moment().today, ctx.color());
      }
    };
  });
}

}  // namespace kith::cli
