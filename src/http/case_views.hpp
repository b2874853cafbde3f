// src/http/case_views.hpp
//
// Shared pieces of the case pages and API: labels for the vocabularies, option lists, links,
// and turning service errors into form errors.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/network.hpp"
#include "domain/queue.hpp"
#include "domain/vocabulary.hpp"
#include "http/app.hpp"
#include "services/assignment_service.hpp"
#include "services/client_service.hpp"
#include "services/intake_service.hpp"
#include "services/orientation_service.hpp"
#include "services/overview_service.hpp"
#include "services/reference_service.hpp"
#include "views/page.hpp"

namespace ombud::http {

/// "state.aktiv" → "Aktivt uppdrag" etc.: the label of a vocabulary code under a catalogue prefix.
template <typename E, std::size_t N>
std::string label_of(const Ctx& ctx, const char* prefix, const std::array<std::pair<E, std::string_view>, N>& table,
                     E value) {
  return ctx.t(std::string(prefix) + std::string(domain::code_of(table, value)));
}

/// Options for a select or radio group from a vocabulary, with an optional leading blank.
template <typename E, std::size_t N>
std::vector<views::Option> options_of(const Ctx& ctx, const char* prefix,
                                      const std::array<std::pair<E, std::string_view>, N>& table,
                                      const std::string& selected, const char* blank_key = nullptr) {
  std::vector<views::Option> out;
  if (blank_key != nullptr) out.push_back({"", ctx.t(blank_key), selected.empty()});
  for (const auto& [value, code] : table) {
    out.push_back({std::string(code), ctx.t(std::string(prefix) + std::string(code)), selected == code});
  }
  return out;
}

std::string date_text(const std::optional<Date>& d);
/// "torsdag 10 december 2026", in the user's language.
std::string long_date(const Ctx& ctx, Date d);

// Form controls of the case pages.
views::Control text(std::string name, std::string label, std::string value = "");
/// A date as text with its format (YYYY-MM-DD), never a native date picker.
views::Control date_control(const Ctx& ctx, std::string name, std::string label, std::string value);
views::Control radios(std::string name, std::string label, std::vector<views::Option> options);
views::Control select(std::string name, std::string label, std::vector<views::Option> options, std::string hint = "");
views::Control checkbox(std::string name, std::string label, bool checked, std::string hint = "");
views::Control textarea(std::string name, std::string label, std::string value, std::string hint);
/// A confirmed removal of a work record: a box to tick and a red button, for what cannot be
/// undone. The keys name the catalogue's heading, lead, box and button.
views::FormBlock removal(const Ctx& ctx, const std::string& action, int version, const char* heading, const char* lead,
                         const char* confirm, const char* submit);
/// Where a consent leaves the ombud with someone in the network: a badge with its words ("Gäller
/// till 2027-06-30", "Samtycke saknas").
views::Cell consent_cell(const Ctx& ctx, domain::ConsentStanding standing, const std::optional<Date>& until);
/// Today in the operation's time zone, as YYYY-MM-DD.
std::string today_text(const Ctx& ctx);

/// The record version a form was shown at (its hidden "version"); -1 when it has none, which no
/// record has, so the change is refused as stale.
int form_version(const Form& form);

/// The page number of a paged list (?page=, from 1); a value that is not one shows the first page.
int page_number(const Ctx& ctx);

/// Whether an error refuses the record itself (not visible, not allowed) rather than the input:
/// shown as an error page, not as the form again.
bool is_refusal(const Error& error);

/// The page again with the error's messages on its form, answered with the error's status.
Response page_with_errors(const Ctx& ctx, views::Page& page, const Error& error);
std::string client_href(const std::string& id, const std::string& suffix = "");
/// The client the path's {id} names, as the actor may see it; a refusal is the service's (404,
/// 403) and is logged there.
Result<services::ClientView> path_client(Ctx& ctx);
/// "45 min", "1 h", "1 h 30 min".
std::string duration_text(const Ctx& ctx, long long minutes);
/// Where a phone's calendar reads the feed with this token: this server's address, as https://
/// (or http:// when TLS does not end at a proxy) or as webcal://.
std::string calendar_feed_address(const Ctx& ctx, const std::string& token, bool webcal);
/// On the pages of a client the viewer covers for (vikariat): a notice, first on the page, that
/// says so, until when, and that it is logged.
void add_cover_notice(const Ctx& ctx, views::Page& page, const services::ClientView& v);

/// The page frame with a literal heading (e.g. a client's name).
views::Frame frame_titled(const Ctx& ctx, const std::string& title);

/// Renders a page; `status` lets a form with errors answer 400/409.
Response page_response(const Ctx& ctx, const std::string& title, const views::Page& page, int status = 200);

/// Fills page.errors from an error and attaches the field messages to the form's controls.
void show_errors(const Ctx& ctx, views::Page& page, const Error& error);

/// A status notice from the query string (?notice=key), if it is one the pages know.
std::string notice_from_query(const Ctx& ctx);

/// The ombud of the operation as select options.
Result<std::vector<views::Option>> ombud_options(const Ctx& ctx, const std::string& selected, bool blank);

/// The API's JSON for a client.
nlohmann::json client_json(const services::ClientView& v);

/// What whoever handles the case must tell the person in this state, in the request's language:
/// where to turn now after an acute referral, and after a decline that it is not a legal right and
/// cannot be appealed, with where to send views. The page shows it as a callout and the API carries
/// it as `tell_the_person`, so neither can leave it out.
std::optional<views::Callout> what_to_tell(const Ctx& ctx, domain::CaseState state,
                                           const domain::OperationConfig& config);

/// The operation's crisis numbers as tap-to-call links.
std::vector<views::Call> crisis_calls(const domain::OperationConfig& config);

/// The box at the top of the first-contact form and of every case before its assessment: the
/// crisis numbers and, when `refer_href` is given, the way to refer the person on at once.
views::Callout crisis_box(const Ctx& ctx, const domain::OperationConfig& config, const std::string& refer_href);

}  // namespace ombud::http
