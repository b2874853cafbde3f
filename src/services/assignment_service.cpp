// src/services/assignment_service.cpp
#include "services/assignment_service.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "domain/statistics.hpp"
#include "services/internal/case_core.hpp"
#include "services/internal/input.hpp"
#include "services/reference_service.hpp"
#include "store/assignments.hpp"
#include "store/clients.hpp"

namespace ombud::services {

using namespace internal;  // NOLINT(google-build-using-namespace): the case core
using domain::CaseAction;
using domain::CaseNeed;
using domain::CaseState;

Result<ClientView> assign(const Services& s, const Actor& actor, const std::string& client_id, const AssignInput& in) {
  return change_case(
      s, actor, client_id, in.version, CaseNeed::kAssign, "assignment",
      [&](store::Tx& tx, Loaded& l, const ClientView& v, const domain::OperationConfig&) -> Status {
        std::vector<FieldError> errors;
        const bool reassign = v.state == CaseState::kActive || v.state == CaseState::kPaused;
        std::optional<Date> not_before = reassign ? v.assigned_on : v.queue_entered_on;
        Date on = parse_past_date(in.date, "date", today(s), v.first_contact_on, errors);
        if (errors.empty() && not_before && std::chrono::sys_days{on} < std::chrono::sys_days{*not_before}) {
          errors.push_back({"date", reassign ? "assignment.before_current" : "assignment.before_queue"});
        }
        long long ombud_id = 0;
        auto ombud = OMBUD_TRY(reference(s, tx, actor.operation_id))->active_ombud();
        if (!parse_int(in.ombud, ombud_id) ||
            std::none_of(ombud.begin(), ombud.end(), [&](const auto& u) { return u.id == ombud_id; })) {
          errors.push_back({"ombud", in.ombud.empty() ? "field.required" : "orientation.ombud_unknown"});
        }
        // A reason is one of the listed codes, given exactly when the ombud changes; anything else is
        // refused by name rather than dropped.
        std::optional<domain::ReassignReason> reason = domain::parse_code(domain::kReassignReasons, in.reason);
        const bool reason_given = !trim(in.reason).empty();
        if (reason_given && !reason) {
          errors.push_back({"reason", "assignment.reason_unknown"});
        } else if (reassign && !reason) {
          errors.push_back({"reason", "assignment.reason_required"});
        } else if (!reassign && reason_given) {
          errors.push_back({"reason", "assignment.reason_only_on_change"});
        }
        if (reassign && errors.empty() && v.primary_ombud_id == ombud_id) {
          errors.push_back({"ombud", "assignment.same_ombud"});
        }
        OMBUD_CHECK(invalid_if(errors));
        CaseState next = OMBUD_TRY(transition(v.state, reassign ? CaseAction::kReassign : CaseAction::kAssign));
        std::string date = format_date(on);
        std::string reason_code = reason ? std::string(domain::code_of(domain::kReassignReasons, *reason)) : "";
        if (reassign) OMBUD_CHECK(store::end_assignment(tx.sql(), client_id, date, reason_code));
        OMBUD_CHECK(store::insert_assignment(
            tx.sql(),
            store::AssignmentRow{0, client_id, ombud_id, date, std::nullopt,
                                 reassign ? std::optional<std::string>(reason_code) : std::nullopt, actor.user_id}));
        l.row.state = state_code(next);
        l.row.primary_ombud_id = ombud_id;
        l.row.assigned_on = date;
        domain::StatEvent e =
            stat_for(v, reassign ? domain::StatEventType::kReassigned : domain::StatEventType::kAssigned, on);
        if (reassign) {
          e.reason_code = reason_code;
        } else if (v.queue_entered_on) {
          e.days_waited = days_between(*v.queue_entered_on, on);
        }
        return write_stat(tx, actor.operation_id, e);
      });
}

Result<ClientView> change_status(const Services& s, const Actor& actor, const std::string& client_id,
                                 const StatusInput& in) {
  return change_case(
      s, actor, client_id, in.version, CaseNeed::kChangeStatus, "status",
      [&](store::Tx& tx, Loaded& l, const ClientView& v, const domain::OperationConfig&) -> Status {
        std::vector<FieldError> errors;
        auto action = domain::parse_code(domain::kStatusActions, in.action);
        if (!action) errors.push_back({"action", in.action.empty() ? "field.required" : "field.invalid"});
        Date on = parse_past_date(in.date, "date", today(s), v.first_contact_on, errors);
        OMBUD_CHECK(invalid_if(errors));
        CaseAction a = *action == domain::StatusAction::kPause    ? CaseAction::kPause
                       : *action == domain::StatusAction::kResume ? CaseAction::kResume
                                                                  : CaseAction::kWithdraw;
        CaseState next = OMBUD_TRY(transition(v.state, a));
        l.row.state = state_code(next);
        domain::StatEvent e = stat_for(v, domain::StatEventType::kPaused, on);
        if (a == CaseAction::kPause) {
          l.row.paused_on = format_date(on);
        } else if (a == CaseAction::kResume) {
          e.type = domain::StatEventType::kResumed;
          if (v.paused_on) e.days_waited = days_between(*v.paused_on, on);
          l.row.paused_on.reset();
        } else {
          l.row.ended_on = format_date(on);
          e.type = next == CaseState::kClosing ? domain::StatEventType::kEnded : domain::StatEventType::kWithdrawn;
          e.reason_code = std::string(domain::code_of(domain::kDeclineReasons, domain::DeclineReason::kClientWithdrew));
          e.days_waited = days_between(v.first_contact_on, on);
          if (next == CaseState::kClosing) {
            OMBUD_CHECK(store::end_assignment(tx.sql(), client_id, format_date(on), "klienten_avslutade"));
          }
        }
        return write_stat(tx, actor.operation_id, e);
      });
}

}  // namespace ombud::services
