#include "kith/services/report_service.hpp"

#include <algorithm>

#include "kith/error.hpp"
#include "kith/services/stale_service.hpp"
#include "kith/storage/event_store.hpp"

namespace kith {

namespace {

date::year_month_day plus_days(date::year_month_day day, int n) {
  return date::year_month_day{date::sys_days{day} + date::days{n}};
}

// The goals that are set, in a fixed order: new contacts, conversations, then channels in
// the order the docs list them. A goal of 0 is no goal.
std::vector<GoalProgress> configured_goals(const Settings& settings) {
  std::vector<std::string> order = {"new_contacts", "conversations"};
  for (Channel channel : all_channels()) order.emplace_back(to_string(channel));
  std::vector<GoalProgress> out;
  for (const auto& name : order) {
    auto it = settings.weekly_goals.find(name);
    if (it != settings.weekly_goals.end() && it->second > 0) out.push_back({name, it->second, 0});
  }
  return out;
}

bool all_met(const std::vector<GoalProgress>& goals, const Activity& activity) {
  return std::all_of(goals.begin(), goals.end(),
                     [&](const GoalProgress& g) { return activity.count(g.goal) >= g.target; });
}

}  // namespace

date::year_month_day week_start_of(date::year_month_day day, date::weekday start) {
  date::sys_days d{day};
  return date::year_month_day{d - (date::weekday{d} - start)};
}

ReportPeriod week_period(date::year_month_day today, date::weekday start, bool previous) {
  auto first = week_start_of(today, start);
  if (!previous) return {ReportPeriod::Kind::week, first, today};
  return {ReportPeriod::Kind::last_week, plus_days(first, -7), plus_days(first, -1)};
}

ReportPeriod month_period(date::year_month_day today, bool previous) {
  auto month = today.year() / today.month();
  if (!previous) return {ReportPeriod::Kind::month, month / date::day{1}, today};
  auto before = month - date::months{1};
  return {ReportPeriod::Kind::last_month, before / date::day{1},
          date::year_month_day{before / date::last}};
}

ReportPeriod since_period(date::year_month_day from, date::year_month_day today) {
  if (from > today) {
    throw Error(ErrorKind::usage, "--since " + format_date(from) +
                                      " is in the future; a report covers days that have passed");
  }
  return {ReportPeriod::Kind::since, from, today};
}

int Report::done_on_time() const {
  return static_cast<int>(
      std::count_if(done.begin(), done.end(), [](const auto& f) { return f.on_time(); }));
}

Report ReportService::compute(date::year_month_day today, const ReportPeriod& period) {
  Report report;
  report.today = today;
  report.period = period;
  m_journal.read([&] {
    ReportStore q(m_journal);
    report.new_contacts = q.new_contacts(period.from, period.to);
    report.activity = q.activity(period.from, period.to);
    report.people_spoken_to = q.people_spoken_to(period.from, period.to);
    report.done = q.done(period.from, period.to);
    report.overdue = q.overdue(today);
    EventStore events(m_journal);
    for (auto id : q.attended(period.from, period.to)) {
      auto event = events.get(id);
      if (event) report.events.push_back({std::move(*event), events.people_met(id)});
    }
    report.past_cadence = StaleService(m_journal, m_settings).past_cadence(today);
    if (!configured_goals(m_settings).empty()) report.goals = goals(today, period.to);
  });
  return report;
}

GoalsReport ReportService::goals(date::year_month_day today, date::year_month_day day) {
  GoalsReport g;
  g.week_from = week_start_of(day, m_settings.week_start);
  g.week_to = plus_days(g.week_from, 6);
  g.complete = g.week_to < today;
  g.goals = configured_goals(m_settings);
  ReportStore q(m_journal);
  Activity week = q.activity(g.week_from, g.week_to);
  for (auto& goal : g.goals) goal.done = week.count(goal.goal);
  g.met = all_met(g.goals, week);
  // On track: each goal at least at its share of the days gone, so Thursday needs 4/7 of it.
  int elapsed =
      g.complete
          ? 7
          : static_cast<int>((date::sys_days{today} - date::sys_days{g.week_from}).count()) + 1;
  g.on_track = std::all_of(g.goals.begin(), g.goals.end(),
                           [&](const GoalProgress& p) { return p.done * 7 >= p.target * elapsed; });
  // Every goal is at least 1, so the first week without activity ends the count.
  auto week_from = g.complete ? g.week_from : plus_days(g.week_from, -7);
  while (all_met(g.goals, q.activity(week_from, plus_days(week_from, 6)))) {
    ++g.streak;
    week_from = plus_days(week_from, -7);
  }
  return g;
}

}  // namespace kith
