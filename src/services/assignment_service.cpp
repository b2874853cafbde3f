// src/services/assignment_service.cpp
#include "services/assignment_service.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "domain/statistics.hpp"
#include "services/audit_service.hpp"
#include "services/internal/case_core.hpp"
#include "services/internal/input.hpp"
#include "services/internal/queue_order.hpp"
#include "services/reference_service.hpp"
#include "store/assignments.hpp"
#include "store/clients.hpp"

namespace ombud::services {

using namespace internal;  // NOLINT(google-build-using-namespace): the case core
using domain::CaseAction;
using domain::CaseNeed;
using domain::CaseState;

Result<ClientView> assign(const Services& s, const Actor& actor, const std::string& client_id, const AssignInput& in) {
  // The place in the queue, read before the write (the queue opens every queued client's
  // priorities, which the write transaction need not hold) and only for a client in the queue.
  std::optional<int> place;
  bool queued = false;
  {
    auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
    auto row = OMBUD_TRY(store::find_client(tx->sql(), actor.operation_id, client_id));
    queued = row && row->state == state_code(CaseState::kQueue);
  }
  if (queued) {
    for (const auto& line : OMBUD_TRY(ordered_queue(s, actor.operation_id)).lines) {
      if (line.client_id == client_id) place = line.position;
    }
  }
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
        std::optional<domain::BypassReason> bypass = domain::parse_code(domain::kBypassReasons, in.bypass_reason);
        const bool bypass_given = !trim(in.bypass_reason).empty();
        const bool past_others = !reassign && place && *place > 1;
        if (bypass_given && !bypass) {
          errors.push_back({"bypass_reason", "assignment.bypass_reason_unknown"});
        } else if (past_others && !bypass) {
          errors.push_back({"bypass_reason", "assignment.bypass_reason_required"});
        } else if (!past_others && bypass_given) {
          errors.push_back({"bypass_reason", "assignment.bypass_reason_not_needed"});
        }
        OMBUD_CHECK(invalid_if(errors));
        CaseState next = OMBUD_TRY(transition(v.state, reassign ? CaseAction::kReassign : CaseAction::kAssign));
        std::string date = format_date(on);
        std::string reason_code = reason ? std::string(domain::code_of(domain::kReassignReasons, *reason)) : "";
        if (reassign) OMBUD_CHECK(store::end_assignment(tx.sql(), client_id, date, reason_code));
        store::AssignmentRow row{0, client_id, ombud_id, date, std::nullopt, std::nullopt, actor.user_id};
        if (reassign) row.change_reason = reason_code;
        if (!reassign) row.queue_place = place;
        if (bypass) row.bypass_reason = std::string(domain::code_of(domain::kBypassReasons, *bypass));
        OMBUD_CHECK(store::insert_assignment(tx.sql(), row));
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
        const bool withdraw = action == domain::StatusAction::kWithdraw;
        std::optional<domain::WithdrawReason> why = domain::parse_code(domain::kWithdrawReasons, in.reason);
        if (withdraw && !why) {
          errors.push_back({"reason", trim(in.reason).empty() ? "status.withdraw_reason_required" : "field.invalid"});
        } else if (!withdraw && !trim(in.reason).empty()) {
          errors.push_back({"reason", "status.reason_only_on_withdraw"});
        }
        if (withdraw && !in.confirmed) errors.push_back({"confirmed", "status.withdraw_not_confirmed"});
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
          l.row.end_reason = std::string(domain::code_of(domain::kWithdrawReasons, *why));
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

Result<std::vector<QueueAssignment>> queue_history(const Services& s, const Actor& actor, Date since) {
  if (!domain::role_allows(actor.role, domain::Permission::kViewQueue)) return fail(Error::forbidden());
  std::vector<store::QueueAssignmentRow> rows;
  {
    auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
    rows = OMBUD_TRY(store::list_queue_assignments(tx->sql(), actor.operation_id, format_date(since), 50));
  }  // closed before the audit entry is written
  std::vector<QueueAssignment> out;
  for (const auto& r : rows) {
    QueueAssignment q;
    q.client_code = r.client_code;
    q.on = parse_date(r.started_on).value_or(since);
    q.place = r.queue_place.value_or(0);
    if (r.bypass_reason) q.bypass_reason = domain::parse_code(domain::kBypassReasons, *r.bypass_reason);
    q.ombud_id = r.ombud_id;
    out.push_back(std::move(q));
  }
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"list", "queue_history", {}, "", "ok"}));
  return out;
}

}  // namespace ombud::services
