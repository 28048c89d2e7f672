// kith draft: the message for each template, the default choice, the facts left out when
// unknown, the user's own templates and the errors.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace kith::testing {
namespace {

class DraftCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ok({"event", "add", "Rust Berlin", "--on", "2026-11-20"});
    ok({"add", "Ada Lovelace", "--company", "Analytical", "--met-at", "rust berlin"});
    ok({"log", "ada", "-m", "Rust jobs in Berlin", "--channel", "coffee", "--on", "2026-11-24"});
    ok({"add", "Grace Hopper"});
  }

  // Writes `text` to <dir>/templates/<name>.txt beside an empty <dir>/config.toml.
  std::string write_template(const std::string& name, const std::string& text) {
    auto dir = m_dir / "conf";
    std::filesystem::create_directories(dir / "templates");
    std::ofstream(dir / "config.toml") << "";
    std::ofstream(dir / "templates" / (name + ".txt")) << text;
    return (dir / "config.toml").string();
  }
};

TEST_F(DraftCliTest, FollowUpAfterARecentCoffeeNamesWhereWhenTopicAndNextStep) {
  Outcome run = kith({"draft", "ada"});
  EXPECT_EQ(run.code, 0);
  // The summary is the user's note: context beside the draft, not pasted into it.
  EXPECT_EQ(run.err,
            "kith: your last conversation (coffee, 2026-11-24): Rust jobs in Berlin; name one "
            "thing from it in the message\n");
  EXPECT_EQ(run.out,
            "Hi Ada,\n"
            "\n"
            "It was great meeting you at Rust Berlin on November 20. I've been thinking about "
            "our coffee on November 24.\n"
            "\n"
            "Would you be up for a 20-minute call in the next couple of weeks to pick up where we "
            "left off?\n"
            "\n"
            "Best,\n");
  EXPECT_EQ(ok({"draft", "ada", "--template", "follow-up"}), run.out);
}

TEST_F(DraftCliTest, ANameAloneStillReadsNaturally) {
  EXPECT_EQ(ok({"draft", "grace"}),
            "Hi Grace,\n"
            "\n"
            "I hope you're doing well.\n"
            "\n"
            "I'd love to hear what you're working on these days. Would you be up for a quick call "
            "or coffee in the next few weeks?\n"
            "\n"
            "Best,\n");
  EXPECT_EQ(ok({"draft", "grace", "--template", "follow-up"}),
            "Hi Grace,\n"
            "\n"
            "Would you be up for a 20-minute call in the next couple of weeks to pick up where we "
            "left off?\n"
            "\n"
            "Best,\n");
  std::string intro = ok({"draft", "grace", "-t", "intro-request"});
  EXPECT_EQ(intro,
            "Hi Grace,\n"
            "\n"
            "I hope you're doing well.\n"
            "\n"
            "Would you be open to introducing me to [name] on your team? A short call would be "
            "plenty, and I'm happy to send a blurb you can forward.\n"
            "\n"
            "Best,\n");
}

TEST_F(DraftCliTest, ThankYou) {
  EXPECT_EQ(ok({"draft", "ada", "--template", "thank-you"}),
            "Hi Ada,\n"
            "\n"
            "Thank you for taking the time to talk with me. I really appreciated our coffee on "
            "November 24.\n"
            "\n"
            "I'll follow up on your advice and let you know how it goes.\n"
            "\n"
            "Best,\n");
}

TEST_F(DraftCliTest, ThankYouIsTheDefaultAfterAnInfoInterview) {
  ok({"log", "grace", "-m", "how her team hires", "--channel", "info-interview"});
  EXPECT_EQ(ok({"draft", "grace"}),
            "Hi Grace,\n"
            "\n"
            "Thank you for taking the time to talk with me. I really appreciated our "
            "informational interview on November 26.\n"
            "\n"
            "I'll follow up on your advice and let you know how it goes.\n"
            "\n"
            "Best,\n");
}

TEST_F(DraftCliTest, ReconnectIsTheDefaultAfterFourteenQuietDays) {
  m_today = "2026-12-08";  // 14 days after the coffee on November 24
  Outcome run = kith({"draft", "ada", "--json"});
  ASSERT_EQ(run.code, 0);
  EXPECT_EQ(nlohmann::json::parse(run.out)["template"], "follow-up");
  m_today = "2026-12-10";
  EXPECT_EQ(ok({"draft", "ada"}),
            "Hi Ada,\n"
            "\n"
            "I hope you're doing well. It's been a while since we met at Rust Berlin on November "
            "20, and I wanted to say hello. I still remember our coffee on November 24.\n"
            "\n"
            "How are things at Analytical? I'd love to hear what you're working on these days. "
            "Would you be up for a quick call or coffee in the next few weeks?\n"
            "\n"
            "Best,\n");
}

TEST_F(DraftCliTest, IntroRequest) {
  EXPECT_EQ(ok({"draft", "ada", "--template", "intro-request"}),
            "Hi Ada,\n"
            "\n"
            "I hope you're doing well. I enjoyed our coffee on November 24.\n"
            "\n"
            "I'm hoping to learn more about how things work at Analytical. Would you be open to "
            "introducing me to [name] on your team? A short call would be plenty, and I'm happy "
            "to send a blurb you can forward.\n"
            "\n"
            "Best,\n");
}

TEST_F(DraftCliTest, HowMetStandsInForAnEvent) {
  ok({"contact", "edit", "grace", "--how", "through Ada"});
  EXPECT_EQ(ok({"draft", "grace", "-t", "reconnect"}).substr(0, 120),
            "Hi Grace,\n"
            "\n"
            "I hope you're doing well. It's been a while since we met through Ada on November 26, "
            "and I wanted to say hell");
}

TEST_F(DraftCliTest, JsonCarriesTheTemplateAndText) {
  Outcome run = kith({"draft", "grace", "--json", "-t", "follow-up"});
  ASSERT_EQ(run.code, 0);
  auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["template"], "follow-up");
  EXPECT_EQ(json["text"], ok({"draft", "grace", "-t", "follow-up"}));
  EXPECT_EQ(json.size(), 2U);
}

TEST_F(DraftCliTest, UserTemplateOverridesTheBuiltIn) {
  std::string config =
      write_template("follow-up",
                     "{name} ({company}): met {met_where}, {met_when}. Talked about {last_topic}. "
                     "Works at {company}.\n\n\n-- me\n");
  EXPECT_EQ(ok({"--config", config, "draft", "ada"}),
            "Ada Lovelace (Analytical): met at Rust Berlin, November 20. Talked about Rust jobs "
            "in Berlin. Works at Analytical.\n\n-- me\n");
  EXPECT_EQ(ok({"--config", config, "draft", "grace", "-t", "follow-up"}), "-- me\n");
  // The other templates are still the built-in ones.
  EXPECT_EQ(ok({"--config", config, "draft", "ada", "-t", "thank-you"}),
            ok({"draft", "ada", "-t", "thank-you"}));
}

TEST_F(DraftCliTest, UnknownPlaceholderInAUserTemplateIsAConfigError) {
  std::string config = write_template("reconnect", "Hi {nickname}!\n");
  auto file = (m_dir / "conf" / "templates" / "reconnect.txt").string();
  Outcome run = kith({"--config", config, "draft", "grace"});
  EXPECT_EQ(run.code, 78);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "kith: error: " + file +
                         ": unknown placeholder {nickname}; use {first_name}, {name}, {company}, "
                         "{met}, {meeting}, {met_where}, {met_when}, {last_channel}, {last_date} "
                         "or {last_topic}\n");
}

TEST_F(DraftCliTest, BadTemplateNameAndUnknownContact) {
  Outcome bad = kith({"draft", "ada", "--template", "apology"});
  EXPECT_EQ(bad.code, 64);
  EXPECT_EQ(bad.out, "");
  EXPECT_NE(bad.err.find("apology"), std::string::npos);
  Outcome missing = kith({"draft", "linus"});
  EXPECT_EQ(missing.code, 66);
  EXPECT_EQ(missing.out, "");
}

}  // namespace
}  // namespace kith::testing
