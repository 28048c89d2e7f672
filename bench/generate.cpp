// kith-generate: writes a realistic, deterministic journal of N contacts for the benchmark.
// The same N and seed always give the same bytes, so runs on two machines time the same work.
//
//   kith-generate --contacts N --out DIR [--seed S] [--today YYYY-MM-DD]
//
// DIR receives:
//   contacts.csv    N contacts as a generic spreadsheet (name, email, company, title, location,
//                   tags, note), for `kith import` and `sqlite3 .import`
//   contacts.jsonl  the same N contacts in kith's JSON Lines, for `kith import --format jsonl`
//   journal.jsonl   a whole journal: the contacts with uids, events with the people met there,
//                   three conversations and two follow-ups per contact (one closed, one open)
//   tasks.json      N pending taskwarrior tasks (one follow-up each), for `task import`
//
// The morning list stays the size a person reads: about 20 follow-ups are due by --today at
// any N, the other open ones fall due over the next three years, and the 1 in 1000 contacts
// tagged with the "b" keep-in-touch tier were all spoken to in the last 60 days. So `kith due`
// times the query, not the printing of 100,000 lines.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::string_view k_first[] = {
    "Ada",    "Grace",  "Alan",   "Barbara", "Donald", "Edsger",    "Frances",  "Guido",
    "Hedy",   "Ivan",   "John",   "Ken",     "Linus",  "Margaret",  "Niklaus",  "Ole",
    "Radia",  "Shafi",  "Tim",    "Ursula",  "Vint",   "Whitfield", "Xiaoyun",  "Yukihiro",
    "Zhores", "Anita",  "Bjarne", "Carol",   "Dennis", "Elena",     "Fernando", "Gloria",
    "Hal",    "Irene",  "Jean",   "Karen",   "Leslie", "Marvin",    "Nancy",    "Olga",
    "Pat",    "Quinn",  "Rosa",   "Sophie",  "Tomás",  "Umar",      "Valérie",  "Wanda",
    "Xavier", "Yara",   "Zoë",    "José",    "Amélie", "Björn",     "Chloé",    "Dmitri",
    "Émile",  "Fatima", "Gustav", "Hiroshi", "Inès",   "Jürgen",    "Kofi",     "Lucía",
    "Mateo",  "Nadia",  "Oskar",  "Priya",   "Rahul",  "Saanvi",    "Thabo",    "Wei"};
constexpr std::string_view k_last[] = {
    "Lovelace",     "Hopper",  "Turing",     "Liskov",     "Knuth",       "Dijkstra",   "Allen",
    "Rossum",       "Lamarr",  "Sutherland", "Backus",     "Thompson",    "Torvalds",   "Hamilton",
    "Wirth",        "Dahl",    "Perlman",    "Goldwasser", "Berners-Lee", "Franklin",   "Cerf",
    "Diffie",       "Wang",    "Matsumoto",  "Alferov",    "Borg",        "Stroustrup", "Shaw",
    "Ritchie",      "Ochoa",   "Corbató",    "Cooper",     "Abelson",     "Greif",      "Sammet",
    "Spärck Jones", "Lamport", "Minsky",     "Lynch",      "Goldberg",    "Hanrahan",   "Núñez",
    "García",       "Müller",  "Schmidt",    "Kowalski",   "Nakamura",    "Okafor",     "Mensah",
    "Patel",        "Sharma",  "Chen",       "Nguyen",     "Kim",         "Silva",      "Rossi",
    "Dubois",       "Jensen",  "Novak",      "Horváth",    "Popescu",     "Ivanova",    "Haddad",
    "Cohen"};
constexpr std::string_view k_companies[] = {
    "Analytical Engines", "Initech",    "Globex",          "Hooli",
    "Acme Robotics",      "Stark Labs", "Wayne Data",      "Umbrella",
    "Cyberdyne",          "Soylent",    "Tyrell",          "Aperture",
    "Black Mesa",         "Vandelay",   "Pied Piper",      "Dunder",
    "Gringotts",          "Monarch",    "Oscorp",          "Wonka",
    "Nakatomi",           "Rekall",     "Massive Dynamic", "Veridian"};
constexpr std::string_view k_titles[] = {
    "Engineer",  "Senior Engineer", "Staff Engineer", "Engineering Manager",
    "Recruiter", "Product Manager", "Designer",       "Data Scientist",
    "CTO",       "Founder",         "Researcher",     "Developer Advocate"};
constexpr std::string_view k_locations[] = {
    "New York", "Berlin", "London",    "Paris",  "Lisbon", "Toronto", "São Paulo",
    "Tokyo",    "Lagos",  "Bangalore", "Zürich", "Madrid", "Seattle", "Remote"};
constexpr std::string_view k_tags[] = {"rust",       "cpp",    "python",   "recruiter", "alumni",
                                       "mentor",     "hiring", "nyc",      "berlin",    "meetup",
                                       "conference", "friend", "startup",  "investor",  "oss",
                                       "security",   "data",   "frontend", "backend",   "devops"};
constexpr std::string_view k_channels[] = {"coffee",  "call",    "video", "email",
                                           "message", "meeting", "event", "info-interview"};
constexpr std::string_view k_topics[] = {"Rust jobs on her team",
                                         "the new compiler release",
                                         "a referral for the platform role",
                                         "moving to Berlin",
                                         "their startup's seed round",
                                         "hiring plans for next year",
                                         "a talk at the meetup",
                                         "open source maintainership",
                                         "salary bands at big companies",
                                         "the database migration",
                                         "mentoring junior engineers",
                                         "a reading list on distributed systems",
                                         "remote work and time zones",
                                         "the conference CFP",
                                         "an intro to their manager"};
constexpr std::string_view k_notes[] = {"send her the job link",
                                        "introduce to the recruiter",
                                        "share the talk slides",
                                        "ask about the team offsite",
                                        "thank them for the referral",
                                        "check in after the interview",
                                        "send the article on query planners",
                                        "congratulate on the new role"};

template <class T, std::size_t N>
constexpr std::size_t size_of(const T (&)[N]) {
  return N;
}

// splitmix64: small, fast and the same on every platform, unlike std:: distributions.
class Random {
 public:
  explicit Random(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <class T, std::size_t N>
  std::string_view pick(const T (&items)[N]) {
    return items[below(N)];
  }

 private:
  std::uint64_t m_state;
};

// Days since 1970-01-01 to and from YYYY-MM-DD (Howard Hinnant's civil-date algorithms), so
// the generator needs no library.
long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

std::string civil(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y + (m <= 2), m, d);
  return buf;
}

// A version-4-shaped UUID derived from a record's kind and number: stable across runs.
std::string uid_for(char kind, std::uint64_t n) {
  Random r(n * 131 + static_cast<unsigned char>(kind));
  std::uint64_t a = r.next(), b = r.next();
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(a & 0xFFF),
                static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3FFF)),
                static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
  return buf;
}

// Lower-case ASCII letters of a name, for e-mail local parts ("Spärck Jones" -> "sprckjones").
std::string mail_part(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z') out += c;
  }
  return out;
}

struct Person {
  std::string uid, name, email, company, title, location, note;
  std::vector<std::string_view> tags;
  std::string added_on;
};

struct Config {
  long contacts = 1000;
  std::uint64_t seed = 42;
  std::string today = "2026-11-26";
  std::filesystem::path out;
};

Person make_person(Random& r, long i, long today) {
  Person p;
  p.uid = uid_for('c', static_cast<std::uint64_t>(i));
  // Name and company come from the number, not the random stream: an import matches a
  // contact without a known uid or e-mail by name and company, so two people sharing both
  // would be merged into one. Every (name, company) pair is distinct at any size.
  auto n = static_cast<std::size_t>(i);
  auto first = k_first[n % size_of(k_first)];
  n /= size_of(k_first);
  auto last = k_last[n % size_of(k_last)];
  n /= size_of(k_last);
  p.name = std::string(first) + " " + std::string(last);
  p.email = mail_part(first) + "." + mail_part(last) + "." + std::to_string(i) + "@example.com";
  p.company = k_companies[n % size_of(k_companies)];
  if (auto branch = n / size_of(k_companies); branch > 0)
    p.company += " " + std::to_string(branch + 1);
  p.title = r.pick(k_titles);
  p.location = r.pick(k_locations);
  std::size_t ntags = 1 + r.below(3);
  for (std::size_t t = 0; t < ntags; ++t) {
    auto tag = r.pick(k_tags);
    bool seen = false;
    for (auto have : p.tags) seen = seen || have == tag;
    if (!seen) p.tags.push_back(tag);
  }
  if (i % 1000 == 7) p.tags.push_back("b");  // a keep-in-touch tier (every 90 days)
  if (r.below(10) == 0) {
    p.note = "Met through " + std::string(r.pick(k_companies)) + "; interested in " +
             std::string(r.pick(k_topics)) + ".";
  }
  p.added_on = civil(today - 30 - static_cast<long>(r.below(3650)));
  return p;
}

// JSON string escaping for the generator's own text (no control characters occur).
std::string json_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string tag_list(const Person& p, std::string_view sep) {
  std::string out;
  for (auto t : p.tags) out += (out.empty() ? "" : std::string(sep)) + std::string(t);
  return out;
}

std::string contact_json(const Person& p, bool with_uid) {
  std::string line = "{\"type\":\"contact\"";
  if (with_uid) line += ",\"uid\":" + json_quote(p.uid);
  line += ",\"name\":" + json_quote(p.name) + ",\"email\":" + json_quote(p.email) +
          ",\"company\":" + json_quote(p.company) + ",\"title\":" + json_quote(p.title) +
          ",\"location\":" + json_quote(p.location) + ",\"tags\":[";
  for (std::size_t t = 0; t < p.tags.size(); ++t) line += (t ? "," : "") + json_quote(p.tags[t]);
  line += "]";
  if (!p.note.empty()) line += ",\"note\":" + json_quote(p.note);
  if (with_uid) line += ",\"added_on\":" + json_quote(p.added_on);
  return line + "}\n";
}

// Three conversations, the latest recent for a keep-in-touch contact so it is not due.
void write_conversations(std::FILE* out, Random& r, const Person& p, long i, long today) {
  bool tiered = i % 1000 == 7;
  for (int k = 0; k < 3; ++k) {
    long back = tiered && k == 2 ? 1 + static_cast<long>(r.below(60))
                                 : 60 + static_cast<long>(r.below(1800));
    std::string line =
        "{\"type\":\"conversation\",\"uid\":" +
        json_quote(uid_for('v', static_cast<std::uint64_t>(i * 3 + k))) + ",\"with\":[" +
        json_quote(p.uid) + "],\"on\":" + json_quote(civil(today - back)) +
        ",\"channel\":" + json_quote(r.pick(k_channels)) +
        ",\"summary\":" + json_quote("talked about " + std::string(r.pick(k_topics))) + "}\n";
    std::fputs(line.c_str(), out);
  }
}

// Two follow-ups: one done long ago, one open. About 20 open ones are due by today in all.
void write_follow_ups(std::FILE* out, Random& r, const Person& p, long i, long today, long stride) {
  long done_on = today - 100 - static_cast<long>(r.below(1000));
  std::string done = "{\"type\":\"follow_up\",\"uid\":" +
                     json_quote(uid_for('f', static_cast<std::uint64_t>(i * 2))) +
                     ",\"contact\":" + json_quote(p.uid) +
                     ",\"due_on\":" + json_quote(civil(done_on)) +
                     ",\"note\":" + json_quote(r.pick(k_notes)) +
                     ",\"status\":\"done\",\"closed_on\":" + json_quote(civil(done_on + 1)) + "}\n";
  std::fputs(done.c_str(), out);
  long due = i % stride == 0 ? today - static_cast<long>(r.below(10))
                             : today + 1 + static_cast<long>(r.below(1095));
  std::string open = "{\"type\":\"follow_up\",\"uid\":" +
                     json_quote(uid_for('f', static_cast<std::uint64_t>(i * 2 + 1))) +
                     ",\"contact\":" + json_quote(p.uid) + ",\"due_on\":" + json_quote(civil(due)) +
                     ",\"note\":" + json_quote(r.pick(k_notes)) + "}\n";
  std::fputs(open.c_str(), out);
}

// One event per 50 contacts, attended, with the five people met there.
void write_events(std::FILE* out, Random& r, long contacts, long today) {
  for (long e = 0; e * 50 < contacts; ++e) {
    std::string line =
        "{\"type\":\"event\",\"uid\":" + json_quote(uid_for('e', static_cast<std::uint64_t>(e))) +
        ",\"name\":" + json_quote("Meetup " + std::to_string(e + 1)) +
        ",\"starts_on\":" + json_quote(civil(today - 1 - static_cast<long>(r.below(1500)))) +
        ",\"location\":" + json_quote(r.pick(k_locations)) +
        ",\"status\":\"attended\",\"tags\":[\"meetup\"],\"people\":[";
    for (long k = 0; k < 5 && e * 50 + k * 10 + 1 <= contacts; ++k) {
      line += (k ? "," : "") +
              json_quote(uid_for('c', static_cast<std::uint64_t>(e * 50 + k * 10 + 1)));
    }
    line += "]}\n";
    std::fputs(line.c_str(), out);
  }
}

std::string task_json(Random& r, const Person& p, long i, long today, long stride) {
  long due = i % stride == 0 ? today - static_cast<long>(r.below(10))
                             : today + 1 + static_cast<long>(r.below(1095));
  std::string d = civil(due), entry = civil(today - 200);
  auto compact = [](std::string s) { return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2); };
  return "{\"uuid\":" + json_quote(uid_for('t', static_cast<std::uint64_t>(i))) +
         ",\"status\":\"pending\",\"description\":" + json_quote("follow up with " + p.name) +
         ",\"entry\":\"" + compact(entry) + "T080000Z\",\"due\":\"" + compact(d) +
         "T080000Z\",\"tags\":[\"kith\"]}\n";
}

std::FILE* open_out(const std::filesystem::path& path) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (!f) {
    std::perror(path.c_str());
    std::exit(73);
  }
  static std::vector<std::vector<char>> buffers;
  buffers.emplace_back(1 << 20);
  std::setvbuf(f, buffers.back().data(), _IOFBF, buffers.back().size());
  return f;
}

Config parse(int argc, char** argv) {
  Config c;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view key = argv[i];
    if (key == "--contacts") {
      c.contacts = std::atol(argv[i + 1]);
    } else if (key == "--out") {
      c.out = argv[i + 1];
    } else if (key == "--seed") {
      c.seed = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (key == "--today") {
      c.today = argv[i + 1];
    }
  }
  if (c.out.empty() || c.contacts < 1 || c.today.size() != 10) {
    std::fprintf(stderr,
                 "usage: kith-generate --contacts N --out DIR [--seed S] [--today YYYY-MM-DD]\n");
    std::exit(64);
  }
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  Config c = parse(argc, argv);
  std::filesystem::create_directories(c.out);
  long today = days_from_civil(std::atoi(c.today.substr(0, 4).c_str()),
                               static_cast<unsigned>(std::atoi(c.today.substr(5, 2).c_str())),
                               static_cast<unsigned>(std::atoi(c.today.substr(8, 2).c_str())));
  long stride = c.contacts < 20 ? 1 : c.contacts / 20;

  std::FILE* csv = open_out(c.out / "contacts.csv");
  std::FILE* contacts = open_out(c.out / "contacts.jsonl");
  std::FILE* journal = open_out(c.out / "journal.jsonl");
  std::FILE* tasks = open_out(c.out / "tasks.json");
  std::fputs("Name,Email,Company,Title,Location,Tags,Note\n", csv);

  // Contacts first, as an export writes them, so every later record's references resolve.
  Random r(c.seed);
  std::vector<Person> people;
  people.reserve(static_cast<std::size_t>(c.contacts));
  for (long i = 1; i <= c.contacts; ++i) {
    Person p = make_person(r, i, today);
    std::string row = csv_field(p.name) + "," + csv_field(p.email) + "," + csv_field(p.company) +
                      "," + csv_field(p.title) + "," + csv_field(p.location) + "," +
                      csv_field(tag_list(p, ";")) + "," + csv_field(p.note) + "\n";
    std::fputs(row.c_str(), csv);
    std::fputs(contact_json(p, false).c_str(), contacts);
    std::fputs(contact_json(p, true).c_str(), journal);
    std::fputs(task_json(r, p, i, today, stride).c_str(), tasks);
    people.push_back(std::move(p));
  }
  write_events(journal, r, c.contacts, today);
  for (long i = 1; i <= c.contacts; ++i) {
    write_conversations(journal, r, people[static_cast<std::size_t>(i - 1)], i, today);
  }
  for (long i = 1; i <= c.contacts; ++i) {
    write_follow_ups(journal, r, people[static_cast<std::size_t>(i - 1)], i, today, stride);
  }
  for (std::FILE* f : {csv, contacts, journal, tasks}) {
    if (std::fclose(f) != 0) {
      std::perror("kith-generate");
      return 74;
    }
  }
  return 0;
}
