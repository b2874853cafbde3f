// src/domain/letters.cpp
#include "domain/letters.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace ombud::domain {

namespace {

using K = LetterField::Kind;

constexpr std::string_view kGodManHelp[] = {"bevaka_ratt", "forvalta_egendom", "sorja_for_person"};
constexpr std::string_view kGodManAttachments[] = {"lakarintyg", "annat_intyg"};

// Every letter starts with whom it goes to and who writes it.
constexpr LetterField kSender[] = {
    {"to", K::kLine, true}, {"name", K::kLine, true}, {"personnummer", K::kPersonalNumber},
    {"address", K::kLine},  {"phone", K::kLine},
};

constexpr LetterField kGodMan[] = {
    {"help", K::kChoices, true, kGodManHelp},
    {"why", K::kText, true},
    {"relatives", K::kText},
    {"proposal", K::kLine},
    {"attachments", K::kChoices, false, kGodManAttachments},
};
constexpr LetterField kBoendestod[] = {
    {"why", K::kText, true},
    {"how_often", K::kLine},
    {"others", K::kText},
};
constexpr LetterField kKontaktperson[] = {
    {"why", K::kText, true},
    {"wishes", K::kText},
};
constexpr LetterField kSip[] = {
    {"why", K::kText, true},
    {"who", K::kText, true},
    {"wishes", K::kText},
};

const LetterTemplate kTemplates[] = {
    {LetterKind::kGodMan, NetworkKind::kOverformyndaren, kGodMan},
    {LetterKind::kBoendestod, NetworkKind::kSocialtjansten, kBoendestod},
    {LetterKind::kKontaktperson, NetworkKind::kSocialtjansten, kKontaktperson},
    {LetterKind::kSip, NetworkKind::kSocialtjansten, kSip},
};

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void check_text(const LetterField& f, std::string_view value, std::vector<FieldError>& errors) {
  const std::string_view t = trim(value);
  const std::string name(f.name);
  if (t.empty()) {
    if (f.required) errors.push_back({name, "field.required"});
    return;
  }
  const bool multiline = f.kind == K::kText;
  if (!is_clean_utf8(t, multiline)) {
    errors.push_back({name, "field.invalid"});
  } else if (f.kind == K::kPersonalNumber) {
    if (!normalise_personal_number(t)) errors.push_back({name, "letter.personal_number_invalid"});
  } else if (utf8_length(t) > (multiline ? kMaxLetterText : kMaxLetterLine)) {
    errors.push_back({name, multiline ? "letter.text_too_long" : "letter.line_too_long"});
  }
}

void check_choices(const LetterField& f, const std::vector<std::string>* ticked, std::vector<FieldError>& errors) {
  const std::string name(f.name);
  const bool none = ticked == nullptr || ticked->empty();
  if (none) {
    if (f.required) errors.push_back({name, "letter.choose_one"});
    return;
  }
  for (const auto& code : *ticked) {
    if (std::find(f.options.begin(), f.options.end(), code) == f.options.end()) {
      errors.push_back({name, "field.invalid"});
      return;
    }
  }
}

}  // namespace

const LetterTemplate& letter_template(LetterKind kind) {
  for (const auto& t : kTemplates) {
    if (t.kind == kind) return t;
  }
  return kTemplates[0];
}

std::span<const LetterField> letter_sender_fields() {
  return kSender;
}

bool is_sender_field(std::string_view name) {
  return std::any_of(std::begin(kSender), std::end(kSender), [&](const LetterField& f) { return f.name == name; });
}

std::vector<LetterField> letter_fields(const LetterTemplate& tpl) {
  std::vector<LetterField> all(std::begin(kSender), std::end(kSender));
  all.insert(all.end(), tpl.fields.begin(), tpl.fields.end());
  return all;
}

std::vector<FieldError> validate_letter(const LetterTemplate& tpl, const LetterValues& values) {
  std::vector<FieldError> errors;
  for (const auto& f : letter_fields(tpl)) {
    if (f.kind == K::kChoices) {
      const auto it = values.choices.find(f.name);
      check_choices(f, it == values.choices.end() ? nullptr : &it->second, errors);
    } else {
      const auto it = values.text.find(f.name);
      check_text(f, it == values.text.end() ? std::string_view() : std::string_view(it->second), errors);
    }
  }
  return errors;
}

std::optional<std::string> normalise_personal_number(std::string_view text) {
  std::string digits;
  const std::string_view t = trim(text);
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    // One separator before the last four digits: "-", or "+" for someone aged 100 or more.
    if ((c == '-' || c == '+') && t.size() - i == 5) continue;
    if (c < '0' || c > '9') return std::nullopt;
    digits += c;
  }
  if (digits.size() != 10 && digits.size() != 12) return std::nullopt;
  if (!all_digits(digits)) return std::nullopt;
  const std::string_view ten = std::string_view(digits).substr(digits.size() - 10);
  const int month = (ten[2] - '0') * 10 + (ten[3] - '0');
  const int day = (ten[4] - '0') * 10 + (ten[5] - '0');
  // A samordningsnummer adds 60 to the day.
  const int real_day = day > 60 ? day - 60 : day;
  if (month < 1 || month > 12 || real_day < 1 || real_day > 31) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    int d = ten[i] - '0';
    if (i % 2 == 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  if (sum % 10 != 0) return std::nullopt;
  const std::string head = digits.substr(0, digits.size() - 4);
  return head + "-" + digits.substr(digits.size() - 4);
}

}  // namespace ombud::domain
