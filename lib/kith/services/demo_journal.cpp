#include "kith/services/demo_journal.hpp"

#include "kith/services/contact_service.hpp"
#include "kith/services/conversation_service.hpp"
#include "kith/services/event_service.hpp"
#include "kith/services/follow_up_service.hpp"

namespace kith {

namespace {

struct Person {
  const char* name;
  const char* email;
  const char* company;
  const char* title;
  const char* tags;  // comma-separated
  const char* how;
  const char* note;
};

constexpr Person k_people[] = {
    {"Ada Lovelace", "ada@analytical.example", "Analytical Engines", "Staff Engineer", "a,rust",
     "Rust Berlin meetup", "hiring for a compiler team next quarter"},
    {"Grace Hopper", "grace@navylabs.example", "Navy Labs", "Director of Engineering", "a,mentor",
     "PyData London", "happy to review my CV"},
    {"Linus Pauling", "linus@chem.example", "Chem Corp", "Engineering Manager", "b",
     "introduced by Ada", ""},
    {"Margaret Hamilton", "margaret@apollo.example", "Apollo Systems", "Principal Engineer",
     "b,rust", "Rust Berlin meetup", "works on formal verification"},
    {"José Martínez", "jose@datos.example", "Datos SL", "Data Scientist", "c,python",
     "PyData London", ""},
    {"Søren Kierkegaard", "soren@ethics.example", "Ethics AI", "Researcher", "c", "PyData London",
     "writes a newsletter on AI ethics"},
    {"Barbara Liskov", "barbara@mit.example", "MIT", "Professor", "a", "Rust Berlin meetup",
     "gave the talk on abstraction"},
    {"Ken Thompson", "ken@unix.example", "Unix Foundation", "Engineer", "c", "PyData London", ""},
    {"Radia Perlman", "radia@net.example", "Net Works", "Fellow", "b", "Rust Berlin meetup",
     "knows everyone in networking"},
    {"Frances Allen", "fran@compilers.example", "Compilers Inc", "Recruiter", "b,recruiter",
     "PyData London", "recruits for platform roles"},
    {"Dennis Ritchie", "dmr@bell.example", "Bell Works", "Staff Engineer", "c",
     "Rust Berlin meetup", ""},
    {"Hedy Lamarr", "hedy@radio.example", "Radio Labs", "CTO", "a", "PyData London",
     "looking for advisors"},
};

std::vector<std::string> split(const char* text) {
  std::vector<std::string> out;
  std::string item;
  for (const char* p = text; *p; ++p) {
    if (*p == ',') {
      out.push_back(item);
      item.clear();
    } else {
      item += *p;
    }
  }
  if (!item.empty()) out.push_back(item);
  return out;
}

date::year_month_day days_from(date::year_month_day today, int days) {
  return date::year_month_day{date::sys_days{today} + date::days{days}};
}

}  // namespace

void fill_demo_journal(Journal& journal, const Moment& moment, const Settings& settings) {
  // Two meetups: one two months ago, one last week; a third is coming up tomorrow.
  EventService events(journal, moment, settings);
  auto event = [&](const char* name, int days, const char* where, const char* tag) {
    Event e;
    e.name = name;
    e.starts_on = days_from(moment.today, days);
    e.starts_at = std::chrono::hours{19};
    e.location = where;
    e.tags = {tag};
    e.status = days < 0 ? Attendance::attended : Attendance::planned;
    events.add(e);
  };
  event("PyData London", -60, "Bloomberg, 3 Queen Victoria St", "python");
  event("Rust Berlin meetup", -5, "Mozilla Berlin, Schlesische Str. 27", "rust");
  event("Women in Tech drinks", 1, "The Hub, Main St 1", "career");

  // Everyone joined the journal at the meetup where they were met.
  for (const auto& p : k_people) {
    Contact c;
    c.name = p.name;
    c.emails = {p.email};
    c.company = p.company;
    c.title = p.title;
    c.tags = split(p.tags);
    c.how_met = p.how;
    c.note = p.note;
    ContactLinks links;
    bool rust = std::string(p.how) == "Rust Berlin meetup";
    Moment joined = moment;
    joined.today = days_from(moment.today, rust ? -5 : -60);
    links.met_at = rust || std::string(p.how) == "PyData London" ? p.how : "";
    links.follow_up = false;
    if (std::string(p.how).find("Ada") != std::string::npos) links.via = "ada@analytical.example";
    ContactService(journal, joined, settings).add(c, links);
  }

  ConversationService conversations(journal, moment, settings);
  auto log = [&](std::vector<std::string> who, int days_ago, Channel channel, const char* summary,
                 FollowUpChoice::Mode mode = FollowUpChoice::Mode::playbook) {
    LogRequest request;
    request.refs = std::move(who);
    request.conversation.on = days_from(moment.today, -days_ago);
    request.conversation.channel = channel;
    request.conversation.summary = summary;
    request.follow_up.mode = mode;
    conversations.log(request);
  };
  auto quiet = FollowUpChoice::Mode::none;
  log({"ada@analytical.example"}, 4, Channel::coffee, "talked about Rust jobs on her team");
  log({"grace@navylabs.example"}, 45, Channel::call, "her move to the platform group", quiet);
  log({"linus@chem.example"}, 1, Channel::info_interview, "how his team runs on-call");
  log({"margaret@apollo.example", "radia@net.example"}, 20, Channel::event,
      "panel on verified systems", quiet);
  log({"jose@datos.example"}, 10, Channel::video, "pairing on a pandas issue", quiet);
  log({"barbara@mit.example"}, 25, Channel::email, "asked for the slides of her talk", quiet);
  log({"fran@compilers.example"}, 3, Channel::message, "platform roles opening in January", quiet);
  log({"hedy@radio.example"}, 12, Channel::coffee, "advisory role, equity questions", quiet);

  FollowUpService follow_ups(journal, moment);
  follow_ups.add("margaret@apollo.example", days_from(moment.today, 2),
                 "send her the paper on refinement types", std::nullopt);
  follow_ups.add("fran@compilers.example", moment.today, "send my CV for the platform role",
                 std::nullopt);
  follow_ups.add("hedy@radio.example", days_from(moment.today, -2),
                 "reply about the advisory terms", std::nullopt);
}

}  // namespace kith
