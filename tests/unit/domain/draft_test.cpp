#include "kith/domain/draft.hpp"

#include <gtest/gtest.h>

#include "kith/error.hpp"

namespace kith {
namespace {

constexpr date::year_month_day k_today{date::year{2026}, date::November, date::day{26}};

date::year_month_day day(int y, unsigned m, unsigned d) {
  return date::year_month_day{date::year{y}, date::month{m}, date::day{d}};
}

Conversation talk(date::year_month_day on, Channel channel, std::string summary) {
  Conversation v;
  v.on = on;
  v.channel = channel;
  v.summary = std::move(summary);
  return v;
}

TEST(DraftTest, TemplateNamesRoundTrip) {
  for (auto which : all_draft_templates()) {
    EXPECT_EQ(parse_draft_template(to_string(which)), which);
  }
  EXPECT_EQ(parse_draft_template("follow_up"), std::nullopt);
}

TEST(DraftTest, FactsFromAnEventAndAConversation) {
  Contact c;
  c.name = "Ada Lovelace";
  c.company = "Analytical";
  c.added_on = day(2026, 11, 20);
  auto facts = draft_facts(c, DraftMeeting{"Rust Berlin", day(2026, 11, 20)},
                           talk(day(2025, 12, 1), Channel::video, "Rust jobs"), k_today);
  EXPECT_EQ(facts.first_name, "Ada");
  EXPECT_EQ(facts.met_where, "at Rust Berlin");
  EXPECT_EQ(facts.met_when, "November 20");
  EXPECT_EQ(facts.last_channel, "video call");
  EXPECT_EQ(facts.last_date, "December 1, 2025");
  EXPECT_EQ(facts.last_topic, "Rust jobs");
}

TEST(DraftTest, HowMetReadsAfterMeetingYou) {
  Contact c;
  c.name = "Grace";
  c.added_on = day(2026, 11, 2);
  c.how_met = "through Ada";
  EXPECT_EQ(draft_facts(c, std::nullopt, std::nullopt, k_today).met_where, "through Ada");
  // A note that does not read after "met" is the user's own words: left out, not bracketed.
  c.how_met = "asked about my talk";
  auto facts = draft_facts(c, std::nullopt, std::nullopt, k_today);
  EXPECT_EQ(facts.met_where, "");
  EXPECT_EQ(facts.met_when, "November 2");
  EXPECT_EQ(facts.met, "");  // so the sentence about meeting is left out
  EXPECT_EQ(facts.meeting, "");
}

TEST(DraftTest, EachHowMetSourceReadsAsASentence) {
  Contact c;
  c.name = "Priya Sharma";
  c.added_on = day(2024, 3, 12);
  c.how_met = "LinkedIn connection";  // what the LinkedIn import writes
  auto linkedin = draft_facts(c, std::nullopt, std::nullopt, k_today);
  EXPECT_EQ(linkedin.met, "connected on LinkedIn on March 12, 2024");
  EXPECT_EQ(linkedin.meeting, "connecting with you on LinkedIn on March 12, 2024");
  c.how_met = "through Ada";
  EXPECT_EQ(draft_facts(c, std::nullopt, std::nullopt, k_today).met,
            "met through Ada on March 12, 2024");
  auto event = draft_facts(c, DraftMeeting{"Rust NYC", day(2026, 11, 24)}, std::nullopt, k_today);
  EXPECT_EQ(event.met, "met at Rust NYC on November 24");
  EXPECT_EQ(event.meeting, "meeting you at Rust NYC on November 24");
  c.how_met.clear();
  EXPECT_EQ(draft_facts(c, std::nullopt, std::nullopt, k_today).met, "");
}

TEST(DraftTest, BuiltInTemplatesNeverPasteTheSummary) {
  for (auto which : all_draft_templates()) {
    EXPECT_EQ(builtin_template(which).find("{last_topic}"), std::string_view::npos)
        << to_string(which);
  }
}

TEST(DraftTest, DefaultDependsOnTheLastFourteenDays) {
  auto recent = talk(day(2026, 11, 12), Channel::coffee, "x");
  auto old = talk(day(2026, 11, 11), Channel::coffee, "x");
  auto interview = talk(day(2026, 11, 25), Channel::info_interview, "x");
  EXPECT_EQ(default_draft_template(std::nullopt, recent, k_today), DraftTemplate::follow_up);
  EXPECT_EQ(default_draft_template(std::nullopt, old, k_today), DraftTemplate::reconnect);
  EXPECT_EQ(default_draft_template(std::nullopt, interview, k_today), DraftTemplate::thank_you);
  EXPECT_EQ(default_draft_template(std::nullopt, std::nullopt, k_today), DraftTemplate::reconnect);
  EXPECT_EQ(default_draft_template(DraftMeeting{"Meetup", day(2026, 11, 20)}, old, k_today),
            DraftTemplate::follow_up);
}

TEST(DraftTest, DropsSentencesWithUnknownFacts) {
  DraftFacts facts;
  facts.first_name = "Ada";
  std::string text =
      "Hi {first_name},\n\nHow is {company}? Good to hear from you. See you at {met_where}.\n\n"
      "Only {company} here.\n\nBest,\n";
  EXPECT_EQ(render_draft(text, facts), "Hi Ada,\n\nGood to hear from you.\n\nBest,\n");
  facts.company = "Analytical";
  EXPECT_EQ(render_draft(text, facts),
            "Hi Ada,\n\nHow is Analytical? Good to hear from you.\n\nOnly Analytical here.\n\n"
            "Best,\n");
}

TEST(DraftTest, BracesAndDotsInsideWords) {
  DraftFacts facts;
  facts.first_name = "Ada";
  EXPECT_EQ(render_draft("{{first_name}} is {first_name}, v2.0 {x y}\n", facts),
            "{first_name} is Ada, v2.0 {x y}\n");
}

TEST(DraftTest, UnknownPlaceholders) {
  EXPECT_EQ(unknown_placeholder("Hi {first_name}, {{nick}}"), std::nullopt);
  EXPECT_EQ(unknown_placeholder("Hi {nick} at {company}"), "nick");
  EXPECT_EQ(unknown_placeholder("Hi {Company}"), "Company");
  try {
    render_draft("Hi {nick}\n", DraftFacts{});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::config);
  }
}

TEST(DraftTest, BuiltinsUseOnlyKnownPlaceholders) {
  for (auto which : all_draft_templates()) {
    EXPECT_EQ(unknown_placeholder(builtin_template(which)), std::nullopt) << to_string(which);
  }
}

}  // namespace
}  // namespace kith
