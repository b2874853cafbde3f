// src/http/handlers_covers.cpp
//
// Covering for a colleague (vikariat), for the samordnare: a client's grants with a form to let
// an ombud cover for the primary ombud until a last day, and a form to end a grant early. The
// JSON API beside it: /api/v1/clients/{id}/covers. The covering ombud sees a notice on the
// client's pages (case_views.cpp); the access itself is the policy's (domain/access.cpp).
#include "core/text.hpp"
#include "http/case_views.hpp"
#include "http/json_input.hpp"
#include "services/cover_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;
using nlohmann::json;
using views::Control;

std::string covers_href(const std::string& client_id, const std::string& suffix = "") {
  return client_href(client_id, "/covers" + suffix);
}

views::Cell state_cell(const Ctx& ctx, const services::CoverView& c) {
  if (c.in_force) return {ctx.t("cover.in_force"), "", "ok"};
  if (c.ended_on) return {ctx.t("cover.ended_on", {{"date", format_date(*c.ended_on)}}), "", "info"};
  return {ctx.t("cover.expired"), "", "info"};
}

Result<views::Page> covers_page(Ctx& ctx, const services::ClientView& v, const Form* sent) {
  auto list = OMBUD_TRY(services::covers(ctx.s, *ctx.actor, v.id));
  views::Page page;
  page.heading = ctx.t("cover.title");
  page.lead = {ctx.t("cover.lead", {{"name", v.display_name()}, {"code", v.code}}), ctx.t("cover.lead_access")};
  views::Table t;
  t.title = ctx.t("cover.list");
  t.columns = {ctx.t("cover.ombud"), ctx.t("cover.period"), ctx.t("cover.reason"), ctx.t("cover.state")};
  for (const auto& c : list) {
    t.rows.push_back(
        {{c.ombud_name, "", "", "", true},
         {ctx.t("cover.period_text", {{"from", format_date(c.starts_on)}, {"until", format_date(c.ends_on)}})},
         {c.reason},
         state_cell(ctx, c)});
  }
  t.empty_text = ctx.t("cover.empty");
  page.tables.push_back(std::move(t));
  for (const auto& c : list) {
    if (!c.in_force) continue;
    views::FormBlock end;
    end.heading = ctx.t("cover.end_heading", {{"name", c.ombud_name}});
    end.action = covers_href(v.id, "/" + c.id + "/end");
    end.hidden = {{"version", std::to_string(c.version)}};
    end.submit = ctx.t("cover.end");
    end.secondary_button = true;
    end.after_tables = true;
    page.forms.push_back(std::move(end));
  }
  views::FormBlock f;
  f.heading = ctx.t("cover.new");
  f.action = covers_href(v.id);
  f.submit = ctx.t("cover.grant");
  f.after_tables = true;
  const std::string chosen = sent != nullptr ? sent->get("ombud") : "";
  auto options = OMBUD_TRY(ombud_options(ctx, chosen, true));
  std::vector<views::Option> others;
  for (auto& o : options) {
    if (!v.primary_ombud_id || o.value != std::to_string(*v.primary_ombud_id)) others.push_back(std::move(o));
  }
  f.controls.push_back(select("ombud", ctx.t("cover.ombud"), std::move(others), ctx.t("cover.ombud_hint")));
  f.controls.push_back(textarea("reason", ctx.t("cover.reason"), sent != nullptr ? sent->get("reason") : "",
                                ctx.t("cover.reason_hint", {{"max", std::to_string(300)}})));
  Control ends = date_control(ctx, "ends_on", ctx.t("cover.ends_on"), sent != nullptr ? sent->get("ends_on") : "");
  ends.hint = ctx.t("cover.ends_on_hint");
  f.controls.push_back(std::move(ends));
  page.forms.push_back(std::move(f));
  page.actions.push_back({ctx.t("work.back", {{"code", v.code}}), client_href(v.id), true});
  return page;
}

Response get_covers(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto page = covers_page(ctx, *v, nullptr);
  if (!page) return page_error(ctx, page.error());
  return page_response(ctx, page->heading, *page);
}

Response post_covers(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  const Form& f = *ctx.form;
  auto granted = services::grant_cover(ctx.s, *ctx.actor, v->id, {f.get("ombud"), f.get("reason"), f.get("ends_on")});
  if (granted) return redirect(covers_href(v->id, "?notice=cover_granted"));
  if (is_refusal(granted.error())) return page_error(ctx, granted.error());
  auto page = covers_page(ctx, *v, &f);
  if (!page) return page_error(ctx, page.error());
  return page_with_errors(ctx, *page, granted.error());
}

Response post_cover_end(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto ended = services::end_cover(ctx.s, *ctx.actor, v->id, ctx.param("cover"), form_version(*ctx.form));
  if (ended) return redirect(covers_href(v->id, "?notice=cover_ended"));
  if (is_refusal(ended.error())) return page_error(ctx, ended.error());
  auto page = covers_page(ctx, *v, nullptr);
  if (!page) return page_error(ctx, page.error());
  return page_with_errors(ctx, *page, ended.error());
}

json cover_json(const services::CoverView& c) {
  return {{"id", c.id},
          {"ombud", c.ombud_id},
          {"ombud_name", c.ombud_name},
          {"reason", c.reason},
          {"starts_on", format_date(c.starts_on)},
          {"ends_on", format_date(c.ends_on)},
          {"ended_on", c.ended_on ? json(format_date(*c.ended_on)) : json(nullptr)},
          {"in_force", c.in_force},
          {"version", c.version}};
}

Response api_get_covers(Ctx& ctx) {
  auto list = services::covers(ctx.s, *ctx.actor, ctx.param("id"));
  if (!list) return api_error(ctx, list.error());
  json out = json::array();
  for (const auto& c : *list)
    out.push_back(cover_json(c));
  return json_response(200, {{"covers", out}});
}

Response api_post_cover(Ctx& ctx) {
  JsonInput in(ctx.json);
  services::CoverInput c;
  auto ombud = in.integer("ombud", true);
  c.ombud = ombud ? std::to_string(*ombud) : "";
  c.reason = in.string("reason", false);  // the service names every missing part at once
  c.ends_on = in.string("ends_on", false);
  if (auto e = in.error()) return api_error(ctx, *e);
  auto granted = services::grant_cover(ctx.s, *ctx.actor, ctx.param("id"), c);
  if (!granted) return api_error(ctx, granted.error());
  return json_response(201, cover_json(*granted));
}

Response api_end_cover(Ctx& ctx) {
  JsonInput in(ctx.json);
  const int version = static_cast<int>(in.integer("version", true).value_or(-1));
  if (auto e = in.error()) return api_error(ctx, *e);
  auto ended = services::end_cover(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("cover"), version);
  if (!ended) return api_error(ctx, ended.error());
  return json_response(200, cover_json(*ended));
}

}  // namespace

void register_cover_routes(Router& router) {
  router.add({"GET", "/clients/{id}/covers", Permission::kAssign, RouteKind::kPage, get_covers});
  router.add({"POST", "/clients/{id}/covers", Permission::kAssign, RouteKind::kPage, post_covers});
  router.add({"POST", "/clients/{id}/covers/{cover}/end", Permission::kAssign, RouteKind::kPage, post_cover_end});
  router.add({"GET", "/api/v1/clients/{id}/covers", Permission::kAssign, RouteKind::kApi, api_get_covers});
  router.add({"POST", "/api/v1/clients/{id}/covers", Permission::kAssign, RouteKind::kApi, api_post_cover});
  router.add({"POST", "/api/v1/clients/{id}/covers/{cover}/end", Permission::kAssign, RouteKind::kApi, api_end_cover});
}

}  // namespace ombud::http
