#include "kith/services/search_service.hpp"

#include <algorithm>
#include <climits>
#include <set>

#include "kith/domain/contact_rules.hpp"
#include "kith/domain/conversation.hpp"
#include "kith/domain/fold.hpp"
#include "kith/error.hpp"
#include "kith/storage/contact_store.hpp"
#include "kith/storage/conversation_store.hpp"
#include "kith/storage/event_store.hpp"
#include "kith/storage/search_index.hpp"

namespace kith {

namespace {

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

void describe_contact(Journal& journal, SearchResult& result) {
  auto contact = ContactStore(journal).get(result.id);
  if (!contact) return;
  result.detail = joined({contact->title, contact->company}, ", ");
  result.archived = contact->archived;
}

void describe_conversation(Journal& journal, SearchResult& result) {
  auto conversation = ConversationStore(journal).get(result.id);
  if (!conversation) return;
  result.on = conversation->on;
  std::vector<std::string> people;
  for (const auto& [id, name] : ContactStore(journal).names(conversation->contact_ids)) {
    people.push_back(name);
  }
  result.detail = std::string(to_string(conversation->channel));
  if (!people.empty()) result.detail += " with " + joined(people, ", ");
}

void describe_event(Journal& journal, SearchResult& result) {
  auto event = EventStore(journal).get(result.id);
  if (!event) return;
  result.on = event->starts_on;
  result.detail = event->location;
}

bool matched(const SearchHit& hit, SearchColumn column) {
  return std::find(hit.columns.begin(), hit.columns.end(), column) != hit.columns.end();
}

// The most telling other match: the text around the words, else the tags (the company shows
// in the detail already).
std::string snippet_of(const SearchHit& hit) {
  if (matched(hit, SearchColumn::text)) return hit.marked[2];
  if (matched(hit, SearchColumn::tags)) return "tags: " + hit.marked[3];
  return {};
}

SearchFilter filter_of(const SearchRequest& request) {
  SearchFilter filter;
  for (auto kind : request.kinds) filter.kinds |= 1U << static_cast<unsigned>(kind);
  if (!request.tag.empty()) filter.tag = normalise_tag(request.tag);
  if (!request.company.empty()) {
    filter.company_key = fold(request.company);
    if (filter.company_key.empty()) {
      throw Error(ErrorKind::usage, "--company needs a company name");
    }
  }
  if (!request.channel.empty()) {
    auto channel = parse_channel(request.channel);
    if (!channel) {
      throw Error(ErrorKind::usage,
                  "unknown channel \"" + request.channel +
                      "\"; use coffee, call, video, email, message, meeting, event, "
                      "info-interview, interview or other");
    }
    filter.channel = std::string(to_string(*channel));
  }
  if (request.since && request.until && *request.until < *request.since) {
    throw Error(ErrorKind::usage, "--until is before --since; nothing could match");
  }
  filter.since = request.since;
  filter.until = request.until;
  if (request.limit < 1) throw Error(ErrorKind::usage, "--limit must be at least 1");
  filter.limit = request.limit;
  return filter;
}

}  // namespace

SearchResponse SearchService::search(const SearchRequest& request) {
  std::string expression = to_match_expression(request.query);
  if (expression.empty()) {
    throw Error(ErrorKind::usage, "nothing to search for in \"" + request.query +
                                      "\"; give words, \"a phrase\" or a prefix such as rust*");
  }
  SearchFilter filter = filter_of(request);
  SearchResponse response;
  m_journal.read([&] {
    auto found = search_documents(m_journal, expression, filter);
    response.more = found.more;
    for (auto& hit : found.hits) {
      SearchResult result;
      result.kind = hit.kind;
      result.id = hit.id;
      result.title = hit.marked[0];
      result.snippet = snippet_of(hit);
      result.columns = std::move(hit.columns);
      switch (hit.kind) {
        case SearchKind::contact:
          describe_contact(m_journal, result);
          break;
        case SearchKind::conversation:
          describe_conversation(m_journal, result);
          break;
        case SearchKind::event:
          describe_event(m_journal, result);
          break;
      }
      response.results.push_back(std::move(result));
    }
  });
  return response;
}

std::vector<KnownAt> SearchService::who_at(const std::string& company, bool archived) {
  std::string words = to_match_expression(company);
  if (words.empty()) throw Error(ErrorKind::usage, "who --at needs a company name");
  std::vector<KnownAt> people;
  m_journal.read([&] {
    SearchFilter filter;
    filter.kinds = 1U << static_cast<unsigned>(SearchKind::contact);
    filter.limit = INT_MAX - 1;
    std::set<std::int64_t> seen;
    ContactStore contacts(m_journal);
    auto add = [&](const std::string& expression, bool works_there) {
      for (const auto& hit : search_documents(m_journal, expression, filter).hits) {
        if (!seen.insert(hit.id).second) continue;
        auto contact = contacts.get(hit.id);
        if (!contact || (contact->archived && !archived)) continue;
        people.push_back({contact->id, contact->name, contact->company, contact->title, works_there,
                          std::nullopt});
      }
    };
    add("company : (" + words + ")", true);
    add("body : (" + words + ")", false);
    std::vector<std::int64_t> ids;
    for (const auto& person : people) ids.push_back(person.id);
    auto last = ConversationStore(m_journal).last_for_contacts(ids);
    for (auto& person : people) {
      if (auto it = last.find(person.id); it != last.end()) person.last_contacted = it->second.on;
    }
  });
  // Colleagues first; among them the most recently spoken to first, then the others by name.
  std::stable_sort(people.begin(), people.end(), [](const KnownAt& a, const KnownAt& b) {
    if (a.works_there != b.works_there) return a.works_there;
    if (a.last_contacted != b.last_contacted) {
      if (!a.last_contacted || !b.last_contacted) return a.last_contacted.has_value();
      return *a.last_contacted > *b.last_contacted;
    }
    return fold(a.name) < fold(b.name);
  });
  return people;
}

std::vector<std::string> SearchService::names_starting_with(SearchKind kind,
                                                            const std::string& prefix) {
  constexpr int k_limit = 100000;
  const std::string key = fold(prefix);
  std::vector<std::string> names;
  std::set<std::string> seen;
  auto keep = [&](const std::string& name) {
    if (fold(name).starts_with(key) && seen.insert(name).second) names.push_back(name);
  };
  m_journal.read([&] {
    if (kind == SearchKind::contact) {
      for (const auto& c : ContactStore(m_journal).names_containing(reference_key(key), k_limit))
        keep(c.name);
    } else if (kind == SearchKind::event) {
      for (const auto& e : EventStore(m_journal).names_containing(reference_key(key), k_limit))
        keep(e.name);
    }
  });
  return names;
}

}  // namespace kith
