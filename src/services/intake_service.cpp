// src/services/intake_service.cpp
#include "services/intake_service.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "crypto/secret.hpp"
#include "domain/statistics.hpp"
#include "services/audit_service.hpp"
#include "services/config_service.hpp"
#include "services/internal/assessment_codec.hpp"
#include "services/internal/audit.hpp"
#include "services/internal/case_core.hpp"
#include "services/internal/input.hpp"
#include "services/internal/keys.hpp"
#include "services/reference_service.hpp"
#include "store/clients.hpp"
#include "store/code_counters.hpp"

namespace ombud::services {

using namespace internal;  // NOLINT(google-build-using-namespace): the case core
using domain::CaseAction;
using domain::CaseNeed;
using domain::CaseState;

Result<ClientView> record_contact(const Services& s, const Actor& actor, const NewContact& in) {
  const Date now = today(s);
  auto ref = OMBUD_TRY(reference(s, actor.operation_id));
  const VersionedConfig& cfg = ref->config;
  std::vector<FieldError> errors;
  Date contact_on = parse_past_date(in.contact_date, "contact_date", now, std::nullopt, errors);
  auto channel = domain::parse_code(domain::kChannels, in.channel);
  if (!channel) errors.push_back({"channel", in.channel.empty() ? "field.required" : "field.invalid"});
  auto contact_by = domain::parse_code(domain::kContactBy, in.contact_by);
  if (!contact_by) errors.push_back({"contact_by", in.contact_by.empty() ? "field.required" : "field.invalid"});
  auto gender = domain::parse_code(domain::kGenders, in.gender);
  if (!gender) errors.push_back({"gender", in.gender.empty() ? "field.required" : "field.invalid"});
  std::string alias(trim(in.alias));
  std::string reach(trim(in.reach));
  check_text(alias, "alias", 80, false, errors);
  check_text(reach, "reach", 300, true, errors);
  long long birth_year = 0;
  if (trim(in.birth_year).empty()) {
    errors.push_back({"birth_year", "field.required"});
  } else if (!parse_int(trim(in.birth_year), birth_year)) {
    errors.push_back({"birth_year", "contact.birth_year_invalid"});
  } else if (auto adult = domain::check_adult(static_cast<int>(birth_year), now, in.confirmed_adult, cfg.config);
             !adult) {
    errors.push_back(adult.error().fields.front());
  }
  auto conn_names = municipalities(s, actor.operation_id);
  if (!conn_names) return fail(conn_names.error());
  bool known =
      in.municipality == domain::kOtherMunicipality ||
      std::any_of(conn_names->begin(), conn_names->end(), [&](const auto& m) { return m.first == in.municipality; });
  if (!known)
    errors.push_back({"municipality", in.municipality.empty() ? "field.required" : "contact.municipality_unknown"});
  OMBUD_CHECK(invalid_if(errors));

  const bool self = *contact_by == domain::ContactBy::kSelf;
  const CaseState state = (self || in.own_wish) ? CaseState::kAssessment : CaseState::kFirstContact;

  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  const int year = static_cast<int>(contact_on.year());
  int number = OMBUD_TRY(store::next_client_number(tx->sql(), actor.operation_id, year));
  char code[32];
  std::snprintf(code, sizeof code, "K-%d-%03d", year, number);
  ClientRow row;
  row.id = crypto::random_id();
  row.operation_id = actor.operation_id;
  row.code = code;
  row.state = state_code(state);
  row.municipality_code = in.municipality;
  row.channel = in.channel;
  row.contact_by = in.contact_by;
  row.first_contact_on = format_date(contact_on);
  if (state == CaseState::kAssessment) {
    row.own_wish_on = format_date(contact_on);
    row.own_wish_received_by = actor.user_id;
    // The person's own contact is the wish, made the way the contact came.
    if (self) row.own_wish_how = std::string(domain::code_of(domain::kOwnWishWays, domain::own_wish_way(*channel)));
  }
  row.recorded_by = actor.user_id;
  row.created_at = s.clock.now();
  crypto::DataKey key = OMBUD_TRY(create_client_key(s, *tx, row.id));
  if (!alias.empty()) row.alias_ct = seal(key, "alias_ct", row.id, alias);
  if (!reach.empty()) row.reach_ct = seal(key, "reach_ct", row.id, reach);
  row.birth_year_ct = seal(key, "birth_year_ct", row.id, std::to_string(birth_year));
  row.gender_ct = seal(key, "gender_ct", row.id, in.gender);
  OMBUD_CHECK(store::insert_client(tx->sql(), row));
  row.version = 1;
  ClientView view = OMBUD_TRY(to_view(row, key, {}, ref->municipality_names, cfg.config));
  OMBUD_CHECK(write_stat(*tx, actor.operation_id, stat_for(view, domain::StatEventType::kFirstContact, contact_on)));
  if (state == CaseState::kAssessment && !self) {
    OMBUD_CHECK(
        write_stat(*tx, actor.operation_id, stat_for(view, domain::StatEventType::kOwnWishConfirmed, contact_on)));
  }
  OMBUD_CHECK(audit(*tx, s, AuditSubject::of(actor), AuditEvent{"create", "client", row.id, "", "ok"}));
  OMBUD_CHECK(tx->commit());
  return view;
}

Status count_under_18_inquiry(const Services& s, const Actor& actor, const Under18Inquiry& in) {
  std::vector<FieldError> errors;
  if (!domain::parse_code(domain::kChannels, in.channel)) errors.push_back({"channel", "field.required"});
  if (!domain::parse_code(domain::kContactBy, in.contact_by)) errors.push_back({"contact_by", "field.required"});
  std::string municipality = in.municipality.empty() ? std::string(domain::kOtherMunicipality) : in.municipality;
  auto names = municipalities(s, actor.operation_id);
  if (!names) return fail(names.error());
  if (municipality != domain::kOtherMunicipality &&
      std::none_of(names->begin(), names->end(), [&](const auto& m) { return m.first == municipality; })) {
    errors.push_back({"municipality", "contact.municipality_unknown"});
  }
  OMBUD_CHECK(invalid_if(errors));
  domain::StatEvent e;
  e.municipality_code = municipality;
  e.year = static_cast<int>(today(s).year());
  e.type = domain::StatEventType::kInquiryUnder18;
  e.age_band = "0-17";
  e.channel = in.channel;
  e.contact_by = in.contact_by;
  e.reason_code = std::string(domain::code_of(domain::kDeclineReasons, domain::DeclineReason::kAge));
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  OMBUD_CHECK(write_stat(*tx, actor.operation_id, e));
  OMBUD_CHECK(audit(*tx, s, AuditSubject::of(actor), AuditEvent{"create", "inquiry_under_18", {}, "", "ok"}));
  return tx->commit();
}

Result<ClientView> confirm_own_wish(const Services& s, const Actor& actor, const std::string& client_id,
                                    const OwnWishInput& in) {
  return change_case(s, actor, client_id, in.version, CaseNeed::kIntake, "own_wish",
                     [&](store::Tx& tx, Loaded& l, const ClientView& v, const domain::OperationConfig&) -> Status {
                       std::vector<FieldError> errors;
                       Date on = parse_past_date(in.date, "date", today(s), v.first_contact_on, errors);
                       auto how = domain::parse_code(domain::kOwnWishWays, in.how);
                       if (!how) errors.push_back({"how", in.how.empty() ? "field.required" : "field.invalid"});
                       long long by = actor.user_id;
                       if (!trim(in.received_by).empty()) {
                         // Read in this transaction: the same people as receiver_choices() offers.
                         auto staff = OMBUD_TRY(reference(s, tx, actor.operation_id))->contact_takers();
                         if (!parse_int(trim(in.received_by), by) ||
                             std::none_of(staff.begin(), staff.end(), [&](const auto& u) { return u.id == by; })) {
                           errors.push_back({"received_by", "own_wish.receiver_unknown"});
                         }
                       }
                       OMBUD_CHECK(invalid_if(errors));
                       CaseState next = OMBUD_TRY(transition(v.state, CaseAction::kConfirmOwnWish));
                       l.row.state = state_code(next);
                       l.row.own_wish_on = format_date(on);
                       l.row.own_wish_how = std::string(domain::code_of(domain::kOwnWishWays, *how));
                       l.row.own_wish_received_by = by;
                       return write_stat(tx, actor.operation_id,
                                         stat_for(v, domain::StatEventType::kOwnWishConfirmed, on));
                     });
}

Result<ClientView> assess(const Services& s, const Actor& actor, const std::string& client_id,
                          const AssessmentInput& in) {
  return change_case(
      s, actor, client_id, in.version, CaseNeed::kIntake, "assessment",
      [&](store::Tx& tx, Loaded& l, const ClientView& v, const domain::OperationConfig& cfg) -> Status {
        std::vector<FieldError> errors;
        const Date now = today(s);
        Date on = parse_past_date(in.date, "date", now, v.first_contact_on, errors);
        auto outcome = domain::parse_code(domain::kOutcomes, in.outcome);
        if (!outcome) errors.push_back({"outcome", in.outcome.empty() ? "field.required" : "field.invalid"});
        std::optional<domain::DeclineReason> reason;
        if (!in.reason.empty()) {
          reason = domain::parse_code(domain::kDeclineReasons, in.reason);
          if (!reason) errors.push_back({"reason", "field.invalid"});
        }
        domain::Criteria c;
        c.significant_disability = parse_yes_no(in.significant_disability, "significant_disability", errors);
        c.complex_needs = parse_yes_no(in.complex_needs, "complex_needs", errors);
        c.own_will = parse_yes_no(in.own_will, "own_will", errors);
        c.no_substance_abuse = parse_yes_no(in.no_substance_abuse, "no_substance_abuse", errors);
        OMBUD_CHECK(invalid_if(errors));
        domain::CaseFacts facts{v.birth_year, v.municipality_code != domain::kOtherMunicipality};
        OMBUD_CHECK(domain::check_assessment(cfg, facts, c, *outcome, reason, on));
        CaseAction action =
            *outcome == domain::AssessmentOutcome::kReferredAcute ? CaseAction::kReferAcute : CaseAction::kAssess;
        CaseState next = OMBUD_TRY(transition(v.state, action, *outcome == domain::AssessmentOutcome::kInTargetGroup));
        ClientView::Assessment a;
        a.outcome = *outcome;
        a.criteria = c;
        if (*outcome == domain::AssessmentOutcome::kDeclined) a.reason = reason;
        l.row.state = state_code(next);
        l.row.assessment_ct = seal(l.key, "assessment_ct", l.row.id, assessment_to_json(a));
        l.row.assessed_on = format_date(on);
        l.row.assessed_by = actor.user_id;
        domain::StatEvent e = stat_for(v, domain::StatEventType::kAssessedInTargetGroup, on);
        if (*outcome == domain::AssessmentOutcome::kDeclined) {
          e.type = domain::StatEventType::kDeclined;
          e.reason_code = std::string(domain::code_of(domain::kDeclineReasons, *reason));
        } else if (*outcome == domain::AssessmentOutcome::kReferredAcute) {
          e.type = domain::StatEventType::kReferredAcute;
          e.reason_code = std::string(domain::code_of(domain::kDeclineReasons, domain::DeclineReason::kAcuteNeed));
        }
        e.days_waited = days_between(v.first_contact_on, on);
        return write_stat(tx, actor.operation_id, e);
      });
}

}  // namespace ombud::services
