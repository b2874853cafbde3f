// src/services/cover_service.cpp
#include "services/cover_service.hpp"

#include "core/text.hpp"
#include "crypto/secret.hpp"
#include "domain/covers.hpp"
#include "services/audit_service.hpp"
#include "services/internal/audit.hpp"
#include "services/internal/case_core.hpp"
#include "services/internal/reference.hpp"
#include "services/reference_service.hpp"
#include "store/covers.hpp"

namespace ombud::services {

namespace {

using domain::CaseNeed;
using domain::CaseState;
using internal::Loaded;

constexpr std::string_view kReasonColumn = "covers.reason_ct";

domain::Cover cover_of(const store::CoverRow& r) {
  domain::Cover c;
  c.ombud_id = r.ombud_id;
  c.starts_on = parse_date(r.starts_on).value_or(Date{});
  c.ends_on = parse_date(r.ends_on).value_or(Date{});
  if (r.ended_on) c.ended_on = parse_date(*r.ended_on);
  return c;
}

Result<CoverView> view_of(const Loaded& l, const store::CoverRow& r, const internal::Reference& ref, Date on) {
  CoverView v;
  const domain::Cover c = cover_of(r);
  v.id = r.id;
  v.ombud_id = r.ombud_id;
  for (const auto& m : ref.staff) {
    if (m.id == r.ombud_id) v.ombud_name = m.display_name;
  }
  v.reason = OMBUD_TRY(internal::open_record(l.key, kReasonColumn, r.client_id, r.id, r.reason_ct));
  v.starts_on = c.starts_on;
  v.ends_on = c.ends_on;
  v.ended_on = c.ended_on;
  v.in_force = domain::in_force(c, on);
  v.version = r.version;
  return v;
}

// Runs `step` on a case the actor may grant covers for (the samordnare), in one transaction.
template <typename Step>
Status with_case(const Services& s, const Actor& actor, const std::string& client_id, bool write, const Step& step) {
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, write ? store::Tx::Mode::kWrite : store::Tx::Mode::kRead));
  auto found = internal::load(s, tx->sql(), actor, client_id, CaseNeed::kAssign);
  if (!found) {
    tx.reset();
    return fail(internal::refused(s, actor, client_id, found.error()));
  }
  auto ref = OMBUD_TRY(internal::reference(s, *tx, actor.operation_id));
  OMBUD_CHECK(step(*tx, *found, *ref));
  return tx->commit();
}

bool running(const std::string& state) {
  return state == domain::code_of(domain::kCaseStates, CaseState::kActive) ||
         state == domain::code_of(domain::kCaseStates, CaseState::kPaused) ||
         state == domain::code_of(domain::kCaseStates, CaseState::kClosing);
}

}  // namespace

Result<std::vector<CoverView>> covers(const Services& s, const Actor& actor, const std::string& client_id) {
  std::vector<CoverView> out;
  const Date on = today(s);
  Status done =
      with_case(s, actor, client_id, false, [&](store::Tx& tx, Loaded& l, const internal::Reference& ref) -> Status {
        for (const auto& r : OMBUD_TRY(store::list_covers(tx.sql(), client_id)))
          out.push_back(OMBUD_TRY(view_of(l, r, ref, on)));
        return {};
      });
  if (!done) return fail(done.error());
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"read", "cover", client_id, "", "ok"}));
  return out;
}

Result<CoverView> grant_cover(const Services& s, const Actor& actor, const std::string& client_id,
                              const CoverInput& in) {
  CoverView out;
  const Date on = today(s);
  Status done =
      with_case(s, actor, client_id, true, [&](store::Tx& tx, Loaded& l, const internal::Reference& ref) -> Status {
        if (!running(l.row.state)) return fail(Error::conflict("cover.case_not_running"));
        std::vector<FieldError> errors;
        domain::Cover c;
        c.starts_on = on;
        c.reason = std::string(trim(in.reason));
        long long ombud_id = 0;
        const auto ombud = ref.active_ombud();
        if (trim(in.ombud).empty()) {
          errors.push_back({"ombud", "field.required"});
        } else if (!parse_int(trim(in.ombud), ombud_id) ||
                   std::none_of(ombud.begin(), ombud.end(), [&](const auto& u) { return u.id == ombud_id; })) {
          errors.push_back({"ombud", "cover.ombud_unknown"});
        } else if (l.row.primary_ombud_id == ombud_id) {
          errors.push_back({"ombud", "cover.is_primary"});
        } else {
          for (const auto& r : OMBUD_TRY(store::list_covers(tx.sql(), client_id))) {
            if (r.ombud_id == ombud_id && domain::in_force(cover_of(r), on)) {
              errors.push_back({"ombud", "cover.exists"});
              break;
            }
          }
        }
        c.ombud_id = ombud_id;
        std::optional<Date> ends = parse_date(trim(in.ends_on));
        if (trim(in.ends_on).empty()) {
          errors.push_back({"ends_on", "field.required"});
        } else if (!ends) {
          errors.push_back({"ends_on", "date.invalid"});
        } else {
          c.ends_on = *ends;
        }
        for (auto& e : domain::validate_cover(c, on)) {
          if (e.field == "ends_on" && !ends) continue;
          errors.push_back(std::move(e));
        }
        if (!errors.empty()) return fail(Error::invalid("error.invalid_input", std::move(errors)));
        store::CoverRow row;
        row.id = crypto::random_id();
        row.client_id = client_id;
        row.ombud_id = ombud_id;
        row.reason_ct = internal::seal_record(l.key, kReasonColumn, client_id, row.id, c.reason);
        row.starts_on = format_date(c.starts_on);
        row.ends_on = format_date(c.ends_on);
        row.created_by = actor.user_id;
        row.created_at = s.clock.now();
        OMBUD_CHECK(store::insert_cover(tx.sql(), row));
        OMBUD_CHECK(
            audit(tx, s, AuditSubject::of(actor),
                  AuditEvent{"create", "cover", client_id, row.id + " ombud " + std::to_string(ombud_id), "ok"}));
        out = OMBUD_TRY(view_of(l, row, ref, on));
        return {};
      });
  if (!done) return fail(done.error());
  return out;
}

Result<CoverView> end_cover(const Services& s, const Actor& actor, const std::string& client_id,
                            const std::string& cover_id, int version) {
  CoverView out;
  const Date on = today(s);
  Status done =
      with_case(s, actor, client_id, true, [&](store::Tx& tx, Loaded& l, const internal::Reference& ref) -> Status {
        auto found = OMBUD_TRY(store::find_cover(tx.sql(), client_id, cover_id));
        if (!found) return fail(Error::not_found("cover.not_found"));
        store::CoverRow row = *found;
        if (row.version != version) return fail(Error::conflict("cover.changed"));
        if (!domain::in_force(cover_of(row), on)) return fail(Error::conflict("cover.already_ended"));
        row.ended_on = format_date(on);
        if (!OMBUD_TRY(store::update_cover(tx.sql(), row))) return fail(Error::conflict("cover.changed"));
        OMBUD_CHECK(
            audit(tx, s, AuditSubject::of(actor), AuditEvent{"update", "cover", client_id, row.id + " ended", "ok"}));
        row.version += 1;
        out = OMBUD_TRY(view_of(l, row, ref, on));
        return {};
      });
  if (!done) return fail(done.error());
  return out;
}

}  // namespace ombud::services
