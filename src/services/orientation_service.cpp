// src/services/orientation_service.cpp
#include "services/orientation_service.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "domain/statistics.hpp"
#include "services/internal/case_core.hpp"
#include "services/internal/input.hpp"
#include "services/reference_service.hpp"
#include "store/clients.hpp"
#include "store/orientation_ombud.hpp"

namespace ombud::services {

using namespace internal;  // NOLINT(google-build-using-namespace): the case core
using domain::CaseAction;
using domain::CaseNeed;
using domain::CaseState;

Result<ClientView> book_orientation(const Services& s, const Actor& actor, const std::string& client_id,
                                    const BookingInput& in) {
  return change_case(
      s, actor, client_id, in.version, CaseNeed::kIntake, "orientation",
      [&](store::Tx& tx, Loaded& l, const ClientView& v, const domain::OperationConfig& cfg) -> Status {
        std::vector<FieldError> errors;
        std::optional<Date> on = parse_date(trim(in.date));
        if (!on) {
          errors.push_back({"date", in.date.empty() ? "field.required" : "date.invalid"});
        } else if (std::chrono::sys_days{*on} < std::chrono::sys_days{v.first_contact_on}) {
          errors.push_back({"date", "date.before_first_contact"});
        } else if (days_between(today(s), *on) > 365) {
          errors.push_back({"date", "orientation.too_far_ahead"});
        }
        std::optional<std::string> time;
        if (!trim(in.time).empty()) {
          time = parse_time_of_day(in.time);
          if (!time) errors.push_back({"time", "orientation.time_invalid"});
        }
        auto place = domain::parse_code(domain::kPlaces, in.place);
        if (!place) errors.push_back({"place", in.place.empty() ? "field.required" : "field.invalid"});
        auto ombud = OMBUD_TRY(reference(s, tx, actor.operation_id))->active_ombud();
        std::set<long long> chosen;
        bool bad = false;
        for (const auto& id_text : in.ombud) {
          long long id = 0;
          bool ok = parse_int(id_text, id) &&
                    std::any_of(ombud.begin(), ombud.end(), [&](const auto& u) { return u.id == id; });
          if (!ok) bad = true;
          chosen.insert(id);
        }
        if (bad) {
          errors.push_back({"ombud", "orientation.ombud_unknown"});
        } else if (static_cast<int>(chosen.size()) != cfg.orientation_ombud_count || chosen.size() != in.ombud.size()) {
          errors.push_back(
              {"ombud", cfg.orientation_ombud_count == 2 ? "orientation.two_ombud" : "orientation.ombud_count"});
        }
        OMBUD_CHECK(invalid_if(errors));
        OMBUD_TRY(transition(v.state, CaseAction::kBookOrientation));
        bool first_booking = !l.row.orientation_on;
        l.row.orientation_on = format_date(*on);
        l.row.orientation_time = time;
        l.row.orientation_place = in.place;
        l.row.orientation_trusted_person = in.trusted_person;
        l.row.orientation_booked_by = actor.user_id;
        OMBUD_CHECK(
            store::set_orientation_ombud(tx.sql(), client_id, std::vector<long long>(chosen.begin(), chosen.end())));
        if (!first_booking) return {};
        domain::StatEvent e = stat_for(v, domain::StatEventType::kOrientationBooked, today(s));
        e.days_waited = days_between(v.first_contact_on, *on);
        bool in_time = std::chrono::sys_days{*on} <= std::chrono::sys_days{v.orientation_deadline};
        e.reason_code = in_time ? "inom_tidsgrans" : "efter_tidsgrans";
        return write_stat(tx, actor.operation_id, e);
      });
}

Result<ClientView> record_orientation(const Services& s, const Actor& actor, const std::string& client_id,
                                      const OrientationHeldInput& in) {
  return change_case(
      s, actor, client_id, in.version, CaseNeed::kRecordOrientation, "orientation",
      [&](store::Tx& tx, Loaded& l, const ClientView& v, const domain::OperationConfig& cfg) -> Status {
        std::vector<FieldError> errors;
        if (!v.orientation_on) return fail(Error::conflict("orientation.not_booked"));
        Date held = parse_past_date(in.held_on, "held_on", today(s), v.first_contact_on, errors);
        bool wants = in.decision == "ko";
        if (!wants && in.decision != "avstar") {
          errors.push_back({"decision", in.decision.empty() ? "field.required" : "field.invalid"});
        }
        std::vector<std::string> keys;
        for (const auto& k : in.priorities) {
          const auto* g = domain::find_priority_group(cfg, k);
          if (g == nullptr || g->by_age()) {
            errors.push_back({"priorities", "field.invalid"});
            break;
          }
          keys.push_back(k);
        }
        OMBUD_CHECK(invalid_if(errors));
        CaseState next = OMBUD_TRY(transition(v.state, CaseAction::kRecordOrientation, wants));
        l.row.state = state_code(next);
        l.row.orientation_held_on = format_date(held);
        domain::StatEvent e = stat_for(v, domain::StatEventType::kOrientationHeld, held);
        e.days_waited = days_between(v.first_contact_on, held);
        e.reason_code = std::chrono::sys_days{held} <= std::chrono::sys_days{v.orientation_deadline}
                            ? "inom_tidsgrans"
                            : "efter_tidsgrans";
        OMBUD_CHECK(write_stat(tx, actor.operation_id, e));
        if (wants) {
          l.row.queue_entered_on = format_date(held);
          l.row.priorities_ct = seal(l.key, "priorities_ct", l.row.id, join(keys, ','));
          domain::StatEvent q = stat_for(v, domain::StatEventType::kQueued, held);
          q.days_waited = days_between(v.first_contact_on, held);
          return write_stat(tx, actor.operation_id, q);
        }
        l.row.ended_on = format_date(held);
        domain::StatEvent w = stat_for(v, domain::StatEventType::kWithdrawn, held);
        w.reason_code = std::string(domain::code_of(domain::kDeclineReasons, domain::DeclineReason::kClientWithdrew));
        w.days_waited = days_between(v.first_contact_on, held);
        return write_stat(tx, actor.operation_id, w);
      });
}

Result<ClientView> set_priorities(const Services& s, const Actor& actor, const std::string& client_id,
                                  const PrioritiesInput& in) {
  return change_case(s, actor, client_id, in.version, CaseNeed::kIntake, "priorities",
                     [&](store::Tx&, Loaded& l, const ClientView& v, const domain::OperationConfig& cfg) -> Status {
                       OMBUD_TRY(transition(v.state, CaseAction::kSetPriorities));
                       std::vector<std::string> keys;
                       for (const auto& k : in.priorities) {
                         const auto* g = domain::find_priority_group(cfg, k);
                         if (g == nullptr || g->by_age()) return fail(Error::field("priorities", "field.invalid"));
                         if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
                       }
                       l.row.priorities_ct = seal(l.key, "priorities_ct", l.row.id, join(keys, ','));
                       return {};
                     });
}

}  // namespace ombud::services
