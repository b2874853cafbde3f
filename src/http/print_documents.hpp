// src/http/print_documents.hpp
//
// The printed documents in the reader's words: the client's own copy (large type, plain Swedish,
// "du"), a fullmakt to sign. Each is composed from what a service gathered and rendered by
// export/pdf; the response carries the bytes, made in memory and never stored.
#pragma once

#include <string>

#include "export/pdf.hpp"
#include "http/app.hpp"
#include "services/document_service.hpp"

namespace ombud::http {

exporter::Document copy_document(const Ctx& ctx, const services::ClientCopy& copy);
exporter::Document fullmakt_document(const Ctx& ctx, const services::FullmaktData& data);

/// A PDF as a download named `filename` (ASCII), never cached.
Response pdf_response(const exporter::Document& doc, const std::string& filename);

}  // namespace ombud::http
