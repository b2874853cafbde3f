// src/http/handlers_documents.cpp
//
// The documents printed for the client: the page where the ombud and the client choose what the
// client's own copy holds, the copy itself as a PDF download, and a consent's fullmakt to sign.
// Only the client's ombud reaches them; the services ask the access policy (CaseNeed::kWork).
#include "http/case_views.hpp"
#include "http/print_documents.hpp"
#include "services/document_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;
using views::Control;

Control parts_control(const Ctx& ctx, const std::vector<std::string>& chosen) {
  Control c;
  c.kind = Control::Kind::kCheckboxes;
  c.name = "parts";
  c.label = ctx.t("copy.parts");
  for (const auto part : services::kCopyParts) {
    const bool on = std::find(chosen.begin(), chosen.end(), part) != chosen.end();
    c.options.push_back({std::string(part), ctx.t("copy.part." + std::string(part)), on});
  }
  return c;
}

views::Page copy_page(const Ctx& ctx, const services::ClientView& v, const Form* sent) {
  views::Page page;
  page.heading = ctx.t("copy.title");
  add_cover_notice(ctx, page, v);
  page.lead = {ctx.t("copy.lead", {{"name", v.display_name()}, {"code", v.code}}), ctx.t("copy.not_stored")};
  views::FormBlock f;
  f.action = client_href(v.id, "/copy");
  f.submit = ctx.t("copy.submit");
  std::vector<std::string> parts(services::kCopyParts.begin(), services::kCopyParts.end());
  std::string from = date_text(v.assigned_on);
  bool notes = true;
  if (sent != nullptr) {
    parts = sent->all("parts");
    from = sent->get("log_from");
    notes = sent->get("notes") == "1";
  }
  f.controls.push_back(parts_control(ctx, parts));
  Control from_control = date_control(ctx, "log_from", ctx.t("copy.log_from"), from);
  from_control.hint = ctx.t("copy.log_from_hint");
  from_control.optional_mark = true;
  f.controls.push_back(std::move(from_control));
  f.controls.push_back(checkbox("notes", ctx.t("copy.notes"), notes, ctx.t("copy.notes_hint")));
  page.forms.push_back(std::move(f));
  page.actions.push_back({ctx.t("work.back", {{"code", v.code}}), client_href(v.id), true});
  return page;
}

Response get_copy(Ctx& ctx) {
  auto v = services::copy_client(ctx.s, *ctx.actor, ctx.param("id"));
  if (!v) return page_error(ctx, v.error());
  return page_response(ctx, ctx.t("copy.title"), copy_page(ctx, *v, nullptr));
}

Response post_copy(Ctx& ctx) {
  const Form& f = *ctx.form;
  auto copy = services::client_copy(ctx.s, *ctx.actor, ctx.param("id"),
                                    {f.all("parts"), f.get("log_from"), f.get("notes") == "1"});
  if (copy) return copy_pdf(ctx, *copy);
  if (is_refusal(copy.error())) return page_error(ctx, copy.error());
  auto v = services::copy_client(ctx.s, *ctx.actor, ctx.param("id"));
  if (!v) return page_error(ctx, v.error());
  auto page = copy_page(ctx, *v, &f);
  return page_with_errors(ctx, page, copy.error());
}

Response get_fullmakt(Ctx& ctx) {
  auto data = services::fullmakt(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("consent"));
  if (!data) return page_error(ctx, data.error());
  return fullmakt_pdf(ctx, *data);
}

}  // namespace

void register_document_routes(Router& router) {
  router.add({"GET", "/clients/{id}/copy", Permission::kRecordWork, RouteKind::kPage, get_copy});
  router.add({"POST", "/clients/{id}/copy", Permission::kRecordWork, RouteKind::kPage, post_copy});
  router.add({"GET", "/clients/{id}/consents/{consent}/fullmakt.pdf", Permission::kRecordWork, RouteKind::kPage,
              get_fullmakt});
}

}  // namespace ombud::http
