#include "render/export_view.hpp"

#include "render/table.hpp"

namespace kith::render {

std::string describe(const ExportCounts& c) {
  std::string out;
  auto add = [&](int n, const char* one, const char* many) {
    if (n == 0) return;
    out += (out.empty() ? "" : ", ") + thousands(n) + " " + (n == 1 ? one : many);
  };
  add(c.contacts, "contact", "contacts");
  add(c.events, "event", "events");
  add(c.conversations, "conversation", "conversations");
  add(c.follow_ups, "follow-up", "follow-ups");
  add(c.deletions, "deletion", "deletions");
  return out.empty() ? "nothing (the journal is empty)" : out;
}

Json to_json(const ExportCounts& c, const std::string& format, const std::string& output) {
  return Json{{"format", format},
              {"output", output},
              {"contacts", c.contacts},
              {"events", c.events},
              {"conversations", c.conversations},
              {"follow_ups", c.follow_ups},
              {"deletions", c.deletions}};
}

}  // namespace kith::render
