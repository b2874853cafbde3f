// src/services/client_service.cpp
#include "services/client_service.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "domain/statistics.hpp"
#include "services/audit_service.hpp"
#include "services/config_service.hpp"
#include "services/internal/case_core.hpp"
#include "services/internal/input.hpp"
#include "services/reference_service.hpp"
#include "store/client_moves.hpp"
#include "store/clients.hpp"

namespace ombud::services {

using namespace internal;  // NOLINT(google-build-using-namespace): the case core
using domain::CaseAction;
using domain::CaseNeed;
using domain::CaseState;

std::vector<CaseAction> available_actions(const Actor& actor, const ClientView& v) {
  const domain::CaseStanding standing = standing_of(actor.operation_id, v);
  std::vector<CaseAction> out;
  auto offer = [&](CaseAction a, CaseNeed need) {
    if (domain::action_allowed(v.state, a) && domain::may(actor.principal(), standing, need)) out.push_back(a);
  };
  offer(CaseAction::kConfirmOwnWish, CaseNeed::kIntake);
  offer(CaseAction::kAssess, CaseNeed::kIntake);
  offer(CaseAction::kReferAcute, CaseNeed::kIntake);
  offer(CaseAction::kBookOrientation, CaseNeed::kIntake);
  if (v.orientation_on) offer(CaseAction::kRecordOrientation, CaseNeed::kRecordOrientation);
  offer(CaseAction::kSetPriorities, CaseNeed::kIntake);
  offer(CaseAction::kAssign, CaseNeed::kAssign);
  offer(CaseAction::kReassign, CaseNeed::kAssign);
  offer(CaseAction::kPause, CaseNeed::kChangeStatus);
  offer(CaseAction::kResume, CaseNeed::kChangeStatus);
  offer(CaseAction::kWithdraw, CaseNeed::kChangeStatus);
  return out;
}

bool may_edit_details(const Actor& actor, const ClientView& v) {
  return domain::details_editable(v.state) &&
         domain::may(actor.principal(), standing_of(actor.operation_id, v), CaseNeed::kEditDetails);
}

bool may_work(const Actor& actor, const ClientView& v) {
  return domain::may(actor.principal(), standing_of(actor.operation_id, v), CaseNeed::kWork);
}

Result<ClientView> get_client(const Services& s, const Actor& actor, const std::string& client_id) {
  auto ref = OMBUD_TRY(reference(s, actor.operation_id));
  ClientView view;
  {
    auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
    auto loaded = load(s, tx->sql(), actor, client_id, CaseNeed::kRead);
    if (!loaded) {
      tx.reset();
      return fail(refused(s, actor, client_id, loaded.error()));
    }
    view = OMBUD_TRY(to_view(loaded->row, loaded->key, loaded->booked, ref->municipality_names, ref->config.config));
    add_cover(view, *loaded);
    view.moves = OMBUD_TRY(moves_of(tx->sql(), client_id, ref->municipality_names));
    tx.reset();
    OMBUD_CHECK(mark_covered_access(s, actor, *loaded));
  }
  // Logged before the data is returned.
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"read", "client", client_id, "", "ok"}));
  return view;
}

Result<ClientView> update_details(const Services& s, const Actor& actor, const std::string& client_id,
                                  const DetailsInput& in) {
  auto names = municipalities(s, actor.operation_id);
  if (!names) return fail(names.error());
  return change_case(
      s, actor, client_id, in.version, CaseNeed::kEditDetails, "details",
      [&](store::Tx& tx, Loaded& l, const ClientView& v, const domain::OperationConfig& cfg) -> Status {
        if (!domain::details_editable(v.state)) return fail(Error::conflict("status.case_ended"));
        std::vector<FieldError> errors;
        std::string alias(trim(in.alias));
        std::string reach(trim(in.reach));
        check_text(alias, "alias", 80, false, errors);
        check_text(reach, "reach", 300, true, errors);
        auto gender = domain::parse_code(domain::kGenders, in.gender);
        if (!gender) errors.push_back({"gender", in.gender.empty() ? "field.required" : "field.invalid"});
        long long birth_year = 0;
        if (!parse_int(trim(in.birth_year), birth_year)) {
          errors.push_back(
              {"birth_year", trim(in.birth_year).empty() ? "field.required" : "contact.birth_year_invalid"});
        } else if (birth_year != v.birth_year) {
          if (auto adult = domain::check_adult(static_cast<int>(birth_year), today(s), in.confirmed_adult, cfg);
              !adult) {
            errors.push_back(adult.error().fields.front());
          }
        }
        bool known =
            in.municipality == domain::kOtherMunicipality ||
            std::any_of(names->begin(), names->end(), [&](const auto& m) { return m.first == in.municipality; });
        if (!known) {
          errors.push_back(
              {"municipality", in.municipality.empty() ? "field.required" : "contact.municipality_unknown"});
        } else if (in.municipality == domain::kOtherMunicipality && v.municipality_code != in.municipality &&
                   v.state != CaseState::kFirstContact && v.state != CaseState::kAssessment) {
          // A move out of the area ends the case (domain.md, scenario 7); it is not a correction.
          errors.push_back({"municipality", "details.moved_out"});
        }
        const bool moving = known && in.municipality != v.municipality_code;
        Date moved_on = today(s);
        if (moving) moved_on = parse_past_date(in.moved_on, "moved_on", today(s), v.first_contact_on, errors);
        OMBUD_CHECK(invalid_if(errors));
        l.row.alias_ct =
            alias.empty() ? std::nullopt : std::optional<std::string>(seal(l.key, "alias_ct", l.row.id, alias));
        l.row.reach_ct =
            reach.empty() ? std::nullopt : std::optional<std::string>(seal(l.key, "reach_ct", l.row.id, reach));
        l.row.birth_year_ct = seal(l.key, "birth_year_ct", l.row.id, std::to_string(birth_year));
        l.row.gender_ct = seal(l.key, "gender_ct", l.row.id, in.gender);
        if (in.municipality == v.municipality_code) return {};
        l.row.municipality_code = in.municipality;
        ClientView moved = v;
        moved.municipality_code = in.municipality;
        moved.birth_year = static_cast<int>(birth_year);
        moved.gender = *gender;
        domain::StatEvent e = stat_for(moved, domain::StatEventType::kMoved, moved_on);
        e.reason_code = v.municipality_code;  // where the case counted before
        OMBUD_CHECK(store::insert_client_move(
            tx.sql(), {0, v.id, format_date(moved_on), v.municipality_code, in.municipality, actor.user_id}));
        return write_stat(tx, actor.operation_id, e);
      });
}

}  // namespace ombud::services
