// tests/unit/letters_test.cpp
//
// The letters written together with the client: what a filled-in letter must hold, the limits
// the form states, the personnummer as the client writes it, and every template's words in both
// catalogues.
#include "domain/letters.hpp"

#include <gtest/gtest.h>

#include "views/i18n.hpp"

namespace ombud::domain {
namespace {

LetterValues god_man_letter() {
  LetterValues v;
  v.text = {{"to", "Överförmyndaren i Oskarshamn"},
            {"name", "Vera Arbetsdag"},
            {"why", "Jag klarar inte att öppna breven och räkningarna växer."}};
  v.choices = {{"help", {"forvalta_egendom", "bevaka_ratt"}}};
  return v;
}

std::vector<std::string> fields_of(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors)
    out.push_back(e.field + ":" + e.message_key);
  return out;
}

TEST(Letters, AFilledInApplicationPassesAndEachMissingPartIsNamed) {
  const auto& tpl = letter_template(LetterKind::kGodMan);
  EXPECT_EQ(tpl.recipient, NetworkKind::kOverformyndaren);
  EXPECT_TRUE(validate_letter(tpl, god_man_letter()).empty());

  LetterValues empty;
  EXPECT_EQ(fields_of(validate_letter(tpl, empty)),
            (std::vector<std::string>{"to:field.required", "name:field.required", "help:letter.choose_one",
                                      "why:field.required"}));
  LetterValues blank = god_man_letter();
  blank.text["why"] = "   \n ";
  EXPECT_EQ(fields_of(validate_letter(tpl, blank)), std::vector<std::string>{"why:field.required"});
  LetterValues odd = god_man_letter();
  odd.choices["help"] = {"bevaka_ratt", "skriva_dikter"};
  EXPECT_EQ(fields_of(validate_letter(tpl, odd)), std::vector<std::string>{"help:field.invalid"});
  // A SIP asks who should take part, and an application for boendestöd does not.
  LetterValues sip = god_man_letter();
  EXPECT_EQ(fields_of(validate_letter(letter_template(LetterKind::kSip), sip)),
            std::vector<std::string>{"who:field.required"});
  EXPECT_TRUE(validate_letter(letter_template(LetterKind::kBoendestod), sip).empty());
}

TEST(Letters, TextOverTheStatedLimitIsRefusedAndMarkupIsJustText) {
  const auto& tpl = letter_template(LetterKind::kKontaktperson);
  LetterValues v = god_man_letter();
  v.text["why"] = std::string(kMaxLetterText, 'a');
  v.text["name"] = std::string(kMaxLetterLine, 'b');
  EXPECT_TRUE(validate_letter(tpl, v).empty()) << "exactly at the limits";
  v.text["why"] += "ä";
  v.text["name"] += "ö";
  EXPECT_EQ(fields_of(validate_letter(tpl, v)),
            (std::vector<std::string>{"name:letter.line_too_long", "why:letter.text_too_long"}));
  LetterValues markup = god_man_letter();
  markup.text["why"] = "<script>alert('x')</script>\nPå två rader";
  EXPECT_TRUE(validate_letter(tpl, markup).empty());
  markup.text["name"] = "Vera\nArbetsdag";
  markup.text["phone"] = std::string("070\x07", 4);
  EXPECT_EQ(fields_of(validate_letter(tpl, markup)),
            (std::vector<std::string>{"name:field.invalid", "phone:field.invalid"}));
}

TEST(Letters, APersonalNumberIsCheckedByItsLastDigit) {
  EXPECT_EQ(normalise_personal_number("811218-9876"), "811218-9876");
  EXPECT_EQ(normalise_personal_number("8112189876"), "811218-9876");
  EXPECT_EQ(normalise_personal_number(" 19811218-9876 "), "19811218-9876");
  EXPECT_EQ(normalise_personal_number("198112189876"), "19811218-9876");
  EXPECT_EQ(normalise_personal_number("811278-9873"), "811278-9873") << "a samordningsnummer";
  EXPECT_EQ(normalise_personal_number("811218-9875"), std::nullopt) << "wrong check digit";
  EXPECT_EQ(normalise_personal_number("811318-9876"), std::nullopt) << "no thirteenth month";
  EXPECT_EQ(normalise_personal_number("81121-89876"), std::nullopt);
  EXPECT_EQ(normalise_personal_number("811218-987"), std::nullopt);
  EXPECT_EQ(normalise_personal_number("8112l8-9876"), std::nullopt);
  const auto& tpl = letter_template(LetterKind::kBoendestod);
  LetterValues v = god_man_letter();
  v.text["personnummer"] = "811218-9875";
  EXPECT_EQ(fields_of(validate_letter(tpl, v)),
            std::vector<std::string>{"personnummer:letter.personal_number_invalid"});
  v.text["personnummer"] = "";
  EXPECT_TRUE(validate_letter(tpl, v).empty()) << "left for the client to write by hand";
}

TEST(Letters, EveryTemplateHasItsWordsInBothLanguages) {
  const auto catalog = views::Catalog::load();
  ASSERT_TRUE(catalog);
  for (const auto lang : {views::Lang::kSv, views::Lang::kEn}) {
    for (const auto& f : letter_sender_fields()) {
      EXPECT_TRUE(catalog->has(lang, "letter.field." + std::string(f.name))) << f.name;
    }
    for (const auto& [kind, code] : kLetterKinds) {
      const std::string k = "letter." + std::string(code);
      for (const char* part : {"", ".about", ".to_default", ".to_municipality", ".opening"}) {
        EXPECT_TRUE(catalog->has(lang, k + part)) << k << part;
      }
      for (const auto& f : letter_template(kind).fields) {
        EXPECT_TRUE(catalog->has(lang, k + "." + std::string(f.name))) << k << "." << f.name;
        for (const auto option : f.options) {
          EXPECT_TRUE(catalog->has(lang, "letter.option." + std::string(option))) << option;
        }
      }
    }
  }
}

}  // namespace
}  // namespace ombud::domain
