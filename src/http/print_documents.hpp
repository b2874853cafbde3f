// src/http/print_documents.hpp
//
// The printed documents in the reader's words: the client's own copy (large type, plain Swedish,
// "du"), a fullmakt to sign, a letter written together with the client. Each is composed from what a service gathered
// and rendered by export/pdf; the response carries the bytes, made in memory and never stored.
#pragma once

#include <string>

#include "export/pdf.hpp"
#include "http/app.hpp"
#include "services/appointment_service.hpp"
#include "services/document_service.hpp"

namespace ombud::http {

// Each document as the download the pages and the API answer alike: a PDF named after the
// document and the day it was made, never cached.
Response copy_pdf(const Ctx& ctx, const services::ClientCopy& copy);
Response fullmakt_pdf(const Ctx& ctx, const services::FullmaktData& data);
Response letter_pdf(const Ctx& ctx, const services::LetterData& data);
/// The reminder card for the client: when, where and with whom, in very large type.
Response reminder_card_pdf(const Ctx& ctx, const services::ReminderCard& card);

/// A field's label on the letter's form and on paper: the sender's fields are the same on every
/// letter ("letter.field.<name>"), the others are the kind's own ("letter.<kind>.<name>").
std::string letter_field_label(const Ctx& ctx, domain::LetterKind kind, const domain::LetterField& field);

}  // namespace ombud::http
