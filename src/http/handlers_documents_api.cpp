// src/http/handlers_documents_api.cpp
//
// The JSON API's side of the printed documents (handlers_documents.cpp), over the same services:
// GET /api/v1/clients/{id}/copy.pdf?parts=plan,natverk&log_from=YYYY-MM-DD&notes=1 (every part
// when none is named), GET /api/v1/clients/{id}/consents/{consent}/fullmakt.pdf and
// POST /api/v1/clients/{id}/letters/{letter}. Each answers a PDF, or the API's error.
#include "core/text.hpp"
#include "http/case_views.hpp"
#include "http/json_input.hpp"
#include "http/print_documents.hpp"

namespace ombud::http {

namespace {

using domain::Permission;

Response api_copy(Ctx& ctx) {
  services::CopyInput in;
  const std::string parts = ctx.query("parts");
  if (parts.empty()) {
    in.parts.assign(services::kCopyParts.begin(), services::kCopyParts.end());
  } else {
    for (const auto part : split(parts, ','))
      in.parts.emplace_back(part);
  }
  in.log_from = ctx.query("log_from");
  in.notes = ctx.query("notes") == "1" || ctx.query("notes") == "true";
  auto copy = services::client_copy(ctx.s, *ctx.actor, ctx.param("id"), in);
  if (!copy) return api_error(ctx, copy.error());
  return copy_pdf(ctx, *copy);
}

// A letter's fields as the body names them: text for the one-line and text fields, an array of
// codes for a choices field. A field the letter does not have is refused ("field.unknown").
Response api_letter(Ctx& ctx) {
  auto kind = services::letter_kind(ctx.param("letter"));
  domain::LetterValues values;
  JsonInput in(ctx.json);
  if (kind) {
    for (const auto& f : domain::letter_fields(domain::letter_template(*kind))) {
      const std::string name(f.name);
      if (f.kind == domain::LetterField::Kind::kChoices) {
        values.choices[name] = in.strings(name.c_str(), false);
      } else {
        values.text[name] = in.string(name.c_str(), false);
      }
    }
  }
  // Access and the kind are judged before the body: the service does so for a well-formed one.
  if (auto e = in.error()) {
    auto client = services::copy_client(ctx.s, *ctx.actor, ctx.param("id"));
    if (!client) return api_error(ctx, client.error());
    return api_error(ctx, kind ? *e : kind.error());
  }
  auto letter = services::letter(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("letter"), std::move(values));
  if (!letter) return api_error(ctx, letter.error());
  return letter_pdf(ctx, *letter);
}

Response api_fullmakt(Ctx& ctx) {
  auto data = services::fullmakt(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("consent"));
  if (!data) return api_error(ctx, data.error());
  return fullmakt_pdf(ctx, *data);
}

}  // namespace

void register_document_api_routes(Router& router) {
  router.add({"GET", "/api/v1/clients/{id}/copy.pdf", Permission::kRecordWork, RouteKind::kApi, api_copy});
  router.add({"POST", "/api/v1/clients/{id}/letters/{letter}", Permission::kRecordWork, RouteKind::kApi, api_letter});
  router.add({"GET", "/api/v1/clients/{id}/consents/{consent}/fullmakt.pdf", Permission::kRecordWork, RouteKind::kApi,
              api_fullmakt});
}

}  // namespace ombud::http
