// src/domain/letters.hpp
//
// Letters and applications written together with the client (seed 001: "att skriva ansökan om
// stöd från samhället, till exempel om kontaktperson eller god man"). Each template names whom it
// goes to and the fields the ombud and the client fill in on screen; the letter is printed and
// never stored, and the contact log records only which kind was written.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "domain/network.hpp"

namespace ombud::domain {

enum class LetterKind { kGodMan, kBoendestod, kKontaktperson, kSip };
inline constexpr std::array<std::pair<LetterKind, std::string_view>, 4> kLetterKinds = {{
    {LetterKind::kGodMan, "god_man"},               // ansökan om god man, to the överförmyndare
    {LetterKind::kBoendestod, "boendestod"},        // ansökan om boendestöd, to socialtjänsten
    {LetterKind::kKontaktperson, "kontaktperson"},  // ansökan om kontaktperson, to socialtjänsten
    {LetterKind::kSip, "sip"},                      // begäran om en samordnad individuell plan
}};

inline constexpr std::size_t kMaxLetterLine = 120;   // characters of a one-line field
inline constexpr std::size_t kMaxLetterText = 2000;  // characters of a text field

/// A field of a letter's form. Its label, hint and options come from the catalogue
/// ("letter.field.<name>", "letter.option.<option>").
struct LetterField {
  enum class Kind { kLine, kText, kChoices, kPersonalNumber };
  std::string_view name;
  Kind kind = Kind::kLine;
  bool required = false;
  std::span<const std::string_view> options = {};  // kChoices: the codes that may be ticked
};

struct LetterTemplate {
  LetterKind kind = LetterKind::kGodMan;
  NetworkKind recipient = NetworkKind::kOverformyndaren;  // whom it goes to, by default
  std::span<const LetterField> fields;                    // after the sender's, in order
};

/// The fields every letter starts with: whom it goes to ("to"), the client's name, personnummer,
/// address and phone.
std::span<const LetterField> letter_sender_fields();
/// Whether a field is one of the sender's, which every letter has.
bool is_sender_field(std::string_view name);
/// Every field of a letter of this kind, in the order the form asks them: the sender's, then its own.
std::vector<LetterField> letter_fields(const LetterTemplate& tpl);

/// The template of a kind; every kind has one.
const LetterTemplate& letter_template(LetterKind kind);

/// What was filled in: text by field name, and the ticked options of a choices field.
struct LetterValues {
  std::map<std::string, std::string, std::less<>> text;
  std::map<std::string, std::vector<std::string>, std::less<>> choices;
};

/// Field errors of a filled-in letter: a required field left empty ("field.required"; for
/// choices, none ticked: "letter.choose_one"), among the sender's fields and the template's, text over the limit
/// ("letter.line_too_long", "letter.text_too_long"), control characters ("field.invalid"), an option that is not one
/// ("field.invalid"), or a personnummer that is not one ("letter.personal_number_invalid": YYMMDD-NNNN or YYYYMMDD-NNNN
/// with a correct check digit). Fields the template does not have are ignored.
std::vector<FieldError> validate_letter(const LetterTemplate& tpl, const LetterValues& values);

/// A personnummer as the client writes it (with or without the century and the hyphen), checked
/// by the Luhn digit; written back as YYYYMMDD-NNNN when the century is given, else YYMMDD-NNNN.
std::optional<std::string> normalise_personal_number(std::string_view text);

}  // namespace ombud::domain
