// src/http/handlers_documents_api.cpp
//
// The JSON API's side of the printed documents (handlers_documents.cpp), over the same services:
// GET /api/v1/clients/{id}/copy.pdf?parts=plan,natverk&log_from=YYYY-MM-DD&notes=1 (every part
// when none is named) and GET /api/v1/clients/{id}/consents/{consent}/fullmakt.pdf. Both answer
// a PDF, or the API's error.
#include "core/text.hpp"
#include "http/case_views.hpp"
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
  return pdf_response(copy_document(ctx, *copy), "min-kopia-" + date_text(copy->made_on) + ".pdf");
}

Response api_fullmakt(Ctx& ctx) {
  auto data = services::fullmakt(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("consent"));
  if (!data) return api_error(ctx, data.error());
  return pdf_response(fullmakt_document(ctx, *data), "fullmakt-" + date_text(data->made_on) + ".pdf");
}

}  // namespace

void register_document_api_routes(Router& router) {
  router.add({"GET", "/api/v1/clients/{id}/copy.pdf", Permission::kRecordWork, RouteKind::kApi, api_copy});
  router.add({"GET", "/api/v1/clients/{id}/consents/{consent}/fullmakt.pdf", Permission::kRecordWork, RouteKind::kApi,
              api_fullmakt});
}

}  // namespace ombud::http
