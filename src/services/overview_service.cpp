// src/services/overview_service.cpp
#include "services/overview_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "services/audit_service.hpp"
#include "services/config_service.hpp"
#include "services/internal/case_core.hpp"
#include "services/internal/queue_order.hpp"
#include "services/reference_service.hpp"
#include "store/clients.hpp"
#include "store/orientation_ombud.hpp"
#include "store/users.hpp"

namespace ombud::services {

using namespace internal;  // NOLINT(google-build-using-namespace): the case core
using domain::CaseState;

namespace {

// Opens the rows' names and logs the list with the ids it showed.
Result<std::vector<ClientLine>> lines_of(const Services& s, const Actor& actor,
                                         const std::vector<store::ClientSummary>& rows,
                                         const std::map<std::string, std::string>& names) {
  std::vector<ClientLine> lines;
  std::string ids;
  lines.reserve(rows.size());
  for (const auto& r : rows) {
    ClientLine line;
    line.id = r.id;
    line.code = r.code;
    line.name = r.code;
    if (r.alias_ct) {
      auto key = OMBUD_TRY(key_of(s, r));
      line.name = OMBUD_TRY(open(key, "alias_ct", r.id, *r.alias_ct));
    }
    line.state = domain::parse_code(domain::kCaseStates, r.state).value_or(CaseState::kDeclined);
    if (auto it = names.find(r.municipality_code); it != names.end()) line.municipality_name = it->second;
    line.first_contact_on = parse_date(r.first_contact_on).value_or(Date{});
    line.orientation_on = opt_date(r.orientation_on);
    line.primary_ombud_id = r.primary_ombud_id;
    if (!ids.empty()) ids += ' ';
    ids += r.id;
    lines.push_back(std::move(line));
  }
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"list", "client_list", {}, ids, "ok"}));
  return lines;
}

// The actor's own cases (an ombud's), all of them, in code order.
Result<std::vector<store::ClientSummary>> own_rows(const Services& s, const Actor& actor,
                                                   const std::vector<CaseState>& states) {
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
  store::ClientFilter f;
  f.operation_id = actor.operation_id;
  for (auto st : states)
    f.states.push_back(state_code(st));
  f.visible_to_ombud = actor.user_id;
  f.today = format_date(today(s));
  return store::list_clients(tx->sql(), f);
}

}  // namespace

Result<std::vector<ClientLine>> list_clients(const Services& s, const Actor& actor,
                                             const std::vector<CaseState>& states) {
  if (domain::case_list_scope(actor.role) != domain::ListScope::kOwn) return fail(Error::forbidden());
  auto ref = OMBUD_TRY(reference(s, actor.operation_id));
  return lines_of(s, actor, OMBUD_TRY(own_rows(s, actor, states)), ref->municipality_names);
}

Result<ClientList> list_client_page(const Services& s, const Actor& actor, std::optional<CaseState> state, int page,
                                    int per_page) {
  if (page < 1 || per_page < 1 || per_page > kMaxPerPage) return fail(Error::invalid("error.invalid_input"));
  auto ref = OMBUD_TRY(reference(s, actor.operation_id));
  ClientList out;
  out.page = page;
  out.per_page = per_page;
  std::vector<store::ClientSummary> rows;
  const long long offset = static_cast<long long>(page - 1) * per_page;
  switch (domain::case_list_scope(actor.role)) {
    case domain::ListScope::kOwn: {
      // An ombud's own cases are few: cut the page from all of them.
      auto all = OMBUD_TRY(own_rows(s, actor, state ? std::vector<CaseState>{*state} : std::vector<CaseState>{}));
      out.total = static_cast<long long>(all.size());
      for (long long i = offset; i < out.total && i < offset + per_page; ++i)
        rows.push_back(std::move(all[static_cast<std::size_t>(i)]));
      break;
    }
    case domain::ListScope::kOperation: {
      auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
      std::optional<std::string> code;
      if (state) code = state_code(*state);
      auto p = OMBUD_TRY(store::list_operation_clients(tx->sql(), actor.operation_id, code, per_page,
                                                       static_cast<int>(std::min<long long>(offset, 1'000'000'000))));
      out.total = p.total;
      rows = std::move(p.rows);
      break;
    }
    case domain::ListScope::kNone: return fail(Error::forbidden());
  }
  out.lines = OMBUD_TRY(lines_of(s, actor, rows, ref->municipality_names));
  return out;
}

Result<QueueView> internal::ordered_queue(const Services& s, long long operation_id) {
  auto ref = OMBUD_TRY(reference(s, operation_id));
  const VersionedConfig& cfg = ref->config;
  const auto& names = ref->municipality_names;
  QueueView view;
  view.config_version = cfg.version;
  std::vector<domain::QueueEntry> entries;
  std::map<std::string, std::pair<std::string, int>> extra;  // id -> (municipality name, version)
  std::vector<store::ClientSummary> rows;
  {
    auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
    store::ClientFilter f;
    f.operation_id = operation_id;
    f.states = {state_code(CaseState::kQueue)};
    rows = OMBUD_TRY(store::list_clients(tx->sql(), f));
  }
  {
    entries.reserve(rows.size());
    for (const auto& r : rows) {
      auto key = OMBUD_TRY(key_of(s, r));
      domain::QueueEntry e;
      e.client_id = r.id;
      e.code = r.code;
      e.entered_on = opt_date(r.queue_entered_on).value_or(parse_date(r.first_contact_on).value_or(Date{}));
      long long by = 0;
      parse_int(OMBUD_TRY(open(key, "birth_year_ct", r.id, r.birth_year_ct)), by);
      e.birth_year = static_cast<int>(by);
      if (r.priorities_ct) {
        const std::string marked = OMBUD_TRY(open(key, "priorities_ct", r.id, *r.priorities_ct));
        for (auto part : split(marked, ',')) {
          if (!part.empty()) e.marked_groups.emplace_back(part);
        }
      }
      auto it = names.find(r.municipality_code);
      extra[r.id] = {it == names.end() ? std::string() : it->second, r.version};
      entries.push_back(std::move(e));
    }
  }
  for (const auto& p : domain::order_queue(entries, cfg.config, today(s))) {
    QueueLine line;
    line.position = p.position;
    line.client_id = p.entry->client_id;
    line.code = p.entry->code;
    line.entered_on = p.entry->entered_on;
    line.waited_days = p.waited_days;
    line.score = p.score;
    for (const auto* g : p.groups)
      line.groups.emplace_back(g->label, g->weight_days);
    line.municipality_name = extra[line.client_id].first;
    line.version = extra[line.client_id].second;
    view.lines.push_back(std::move(line));
  }
  return view;
}

Result<QueueView> queue(const Services& s, const Actor& actor) {
  if (!domain::role_allows(actor.role, domain::Permission::kViewQueue)) return fail(Error::forbidden());
  QueueView view = OMBUD_TRY(internal::ordered_queue(s, actor.operation_id));
  std::string ids;
  for (const auto& line : view.lines) {
    if (!ids.empty()) ids += ' ';
    ids += line.client_id;
  }
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"list", "queue", {}, ids, "ok"}));
  return view;
}

Result<DeadlineView> deadlines(const Services& s, const Actor& actor) {
  if (!domain::role_allows(actor.role, domain::Permission::kViewQueue)) return fail(Error::forbidden());
  auto ref = OMBUD_TRY(reference(s, actor.operation_id));
  const VersionedConfig& cfg = ref->config;
  std::vector<domain::DeadlineCase> cases;
  {
    auto conn = s.db.acquire();
    store::ClientFilter f;
    f.operation_id = actor.operation_id;
    // Not kFirstContact: until the person's own wish is on record no deadline runs.
    f.states = {state_code(CaseState::kAssessment), state_code(CaseState::kOrientation)};
    for (const auto& r : OMBUD_TRY(store::list_clients(conn.sql(), f))) {
      domain::DeadlineCase c;
      c.client_id = r.id;
      c.code = r.code;
      c.state = domain::parse_code(domain::kCaseStates, r.state).value_or(CaseState::kFirstContact);
      c.first_contact_on = parse_date(r.first_contact_on).value_or(Date{});
      c.booked_on = opt_date(r.orientation_on);
      c.own_wish_on = opt_date(r.own_wish_on);
      cases.push_back(std::move(c));
    }
  }
  DeadlineView view;
  view.day_kind = cfg.config.deadline_day_kind;
  view.deadline_days = cfg.config.orientation_deadline_days;
  std::string ids;
  for (const auto& row : domain::deadline_overview(cases, cfg.config, today(s))) {
    view.lines.push_back(DeadlineLine{row.c->client_id, row.c->code, row.c->state, row.c->first_contact_on,
                                      row.deadline, row.days_left, row.status, row.c->booked_on});
    if (!ids.empty()) ids += ' ';
    ids += row.c->client_id;
  }
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"list", "deadlines", {}, ids, "ok"}));
  return view;
}

Result<std::vector<OmbudLoad>> caseload(const Services& s, const Actor& actor) {
  if (!domain::role_allows(actor.role, domain::Permission::kViewQueue)) return fail(Error::forbidden());
  auto conn = s.db.acquire();
  std::map<long long, OmbudLoad> loads;
  for (const auto& u : OMBUD_TRY(store::list_users(conn.sql(), actor.operation_id))) {
    if (u.role != domain::Role::kOmbud) continue;
    loads[u.id] = OmbudLoad{u.id, u.display_name, u.disabled, 0, 0, 0, 0};
  }
  for (const auto& c : OMBUD_TRY(store::caseload(conn.sql(), actor.operation_id))) {
    auto it = loads.find(c.ombud_id);
    if (it == loads.end()) continue;
    int n = static_cast<int>(c.count);
    if (c.state == "aktiv") it->second.active += n;
    if (c.state == "vilande") it->second.paused += n;
    if (c.state == "avslutning") it->second.closing += n;
  }
  store::ClientFilter f;
  f.operation_id = actor.operation_id;
  f.states = {state_code(CaseState::kOrientation)};
  std::set<std::string> waiting;
  for (const auto& r : OMBUD_TRY(store::list_clients(conn.sql(), f))) {
    if (r.orientation_on && !r.orientation_held_on) waiting.insert(r.id);
  }
  for (const auto& [client, user] : OMBUD_TRY(store::all_orientation_ombud(conn.sql(), actor.operation_id))) {
    if (waiting.count(client) != 0) {
      if (auto it = loads.find(user); it != loads.end()) ++it->second.orientation_bookings;
    }
  }
  std::vector<OmbudLoad> out;
  for (auto& [id, load] : loads)
    out.push_back(load);
  std::sort(out.begin(), out.end(),
            [](const OmbudLoad& a, const OmbudLoad& b) { return a.display_name < b.display_name; });
  return out;
}

}  // namespace ombud::services
