// src/domain/operation_config.cpp
#include "domain/operation_config.hpp"

#include <set>

#include "core/text.hpp"

namespace ombud::domain {

std::string key_from_label(std::string_view label) {
  std::string out;
  auto add = [&](char c) {
    if (c == '_' && (out.empty() || out.back() == '_')) return;
    if (out.size() < 40) out += c;
  };
  for (std::size_t i = 0; i < label.size(); ++i) {
    const auto c = static_cast<unsigned char>(label[i]);
    if (c >= 'A' && c <= 'Z') {
      add(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      add(static_cast<char>(c));
    } else if (c == 0xC3 && i + 1 < label.size()) {
      // The Latin-1 letters of Swedish names, as UTF-8 (0xC3 and a second byte).
      const auto d = static_cast<unsigned char>(label[++i]);
      switch (d) {
        case 0xA5:
        case 0x85:
        case 0xA4:
        case 0x84:
        case 0xA0:
        case 0xA1:
        case 0x80:
        case 0x81: add('a'); break;
        case 0xB6:
        case 0x96:
        case 0xB8:
        case 0x98: add('o'); break;
        case 0xA9:
        case 0x89:
        case 0xA8:
        case 0x88: add('e'); break;
        case 0xBC:
        case 0x9C: add('u'); break;
        default: add('_');
      }
    } else {
      add('_');
    }
  }
  while (!out.empty() && out.back() == '_')
    out.pop_back();
  return out;
}

namespace {

// A stable short name: [a-z0-9_], 1–40 characters.
bool valid_key(std::string_view key) {
  return !key.empty() && key.size() <= 40 &&
         key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string_view::npos;
}

// A label as shown: filled in, at most 80 characters of clean text.
bool valid_label(std::string_view text) {
  std::string_view label = trim(text);
  return !label.empty() && utf8_length(label) <= 80 && is_clean_utf8(label);
}

}  // namespace

std::vector<FieldError> validate_config(const OperationConfig& c) {
  std::vector<FieldError> e;
  if (c.min_age < 18 || c.min_age > 120) e.push_back({"min_age", "config.min_age_invalid"});
  if (c.max_age && (*c.max_age < c.min_age || *c.max_age > 120)) e.push_back({"max_age", "config.max_age_invalid"});
  if (c.orientation_ombud_count < 1 || c.orientation_ombud_count > 4) {
    e.push_back({"orientation_ombud_count", "config.ombud_count_invalid"});
  }
  if (c.orientation_deadline_days < 1 || c.orientation_deadline_days > 120) {
    e.push_back({"orientation_deadline_days", "config.deadline_invalid"});
  }
  if (c.deadline_warning_days < 0 || c.deadline_warning_days > c.orientation_deadline_days) {
    e.push_back({"deadline_warning_days", "config.warning_invalid"});
  }
  if (c.priority_groups.size() > 12) e.push_back({"priority_groups", "config.too_many_groups"});
  std::set<std::string> keys;
  for (std::size_t i = 0; i < c.priority_groups.size(); ++i) {
    const PriorityGroup& g = c.priority_groups[i];
    std::string field = "priority_groups." + std::to_string(i);
    if (!valid_key(g.key) || !keys.insert(g.key).second) e.push_back({field + ".key", "config.group_key_invalid"});
    if (!valid_label(g.label)) e.push_back({field + ".label", "config.group_label_invalid"});
    if (g.weight_days < 0 || g.weight_days > 365) e.push_back({field + ".weight_days", "config.group_weight_invalid"});
    if ((g.age_from && (*g.age_from < 18 || *g.age_from > 120)) || (g.age_to && (*g.age_to < 18 || *g.age_to > 120)) ||
        (g.age_from && g.age_to && *g.age_to < *g.age_from)) {
      e.push_back({field + ".age", "config.group_age_invalid"});
    }
  }
  if (c.crisis_contacts.size() > 10) e.push_back({"crisis_contacts", "config.too_many_crisis_contacts"});
  for (std::size_t i = 0; i < c.crisis_contacts.size(); ++i) {
    const CrisisContact& k = c.crisis_contacts[i];
    std::string field = "crisis_contacts." + std::to_string(i);
    if (!valid_label(k.label)) e.push_back({field + ".label", "config.crisis_label_invalid"});
    std::string_view number = trim(k.number);
    bool number_ok = number.size() <= 30 && number.find_first_not_of("0123456789 +-()") == std::string_view::npos &&
                     (number.empty() || dial_digits(number).size() >= 3) &&
                     number.find('+', 1) == std::string_view::npos;
    if (!number_ok) e.push_back({field + ".number", "config.crisis_number_invalid"});
    if (utf8_length(k.note) > 120 || !is_clean_utf8(k.note)) e.push_back({field + ".note", "field.too_long"});
  }
  if (c.max_active_goals < 1 || c.max_active_goals > 5) e.push_back({"max_active_goals", "config.max_active_goals"});
  if (c.life_areas.empty() || c.life_areas.size() > kMaxLifeAreas) {
    e.push_back({"life_areas", "config.life_areas_count"});
  }
  std::set<std::string> area_keys;
  for (std::size_t i = 0; i < c.life_areas.size(); ++i) {
    const LifeArea& a = c.life_areas[i];
    std::string field = "life_areas." + std::to_string(i);
    if (!valid_key(a.key) || !area_keys.insert(a.key).second) e.push_back({field + ".key", "config.area_key_invalid"});
    if (!valid_label(a.label)) e.push_back({field + ".label", "config.area_label_invalid"});
  }
  for (const auto* text : {&c.acute_help_text, &c.complaints_contact}) {
    if (utf8_length(*text) > 1000 || !is_clean_utf8(*text, true)) {
      e.push_back({text == &c.acute_help_text ? "acute_help_text" : "complaints_contact", "field.too_long"});
    }
  }
  return e;
}

std::string dial_digits(std::string_view number) {
  std::string out;
  number = trim(number);
  if (!number.empty() && number.front() == '+') out += '+';
  for (char ch : number) {
    if (ch >= '0' && ch <= '9') out += ch;
  }
  return out == "+" ? std::string() : out;
}

std::vector<CrisisContact> default_crisis_contacts() {
  return {
      {"Socialjouren i kommunen", "", "vid akut social nöd, kvällar och helger"},
      {"Psykiatrins akutmottagning", "", "vid akut psykisk ohälsa"},
      {"SOS Alarm", "112", "när liv är i fara"},
      {"Självmordslinjen", "90101", "dygnet runt"},
      {"Vårdguiden", "1177", "sjukvårdsrådgivning dygnet runt"},
  };
}

OperationConfig default_config() {
  OperationConfig c;
  c.acute_help_text = "Personligt ombud är ingen akutverksamhet. Den som behöver hjälp nu hänvisas till numren nedan.";
  c.crisis_contacts = default_crisis_contacts();
  c.complaints_contact = "Synpunkter på verksamheten lämnas till den chef som ansvarar för personligt ombud.";
  return c;
}

OperationConfig seed_config() {
  OperationConfig c;
  c.priority_groups = {
      {"ensamstaende_foralder", "Ensamstående förälder", 30, std::nullopt, std::nullopt},
      {"ung_vuxen", "Ung vuxen 18–25 år", 20, 18, 25},
      {"utan_stod", "Utan stöd från socialtjänst eller psykiatri", 20, std::nullopt, std::nullopt},
  };
  c.acute_help_text = "Personligt ombud är ingen akutverksamhet. Den som behöver hjälp nu hänvisas till numren nedan.";
  c.crisis_contacts = default_crisis_contacts();
  // The demo operation's own numbers are made up.
  c.crisis_contacts[0] = {"Socialjouren (fiktivt demonummer)", "0491-880 00", "kvällar och helger"};
  c.crisis_contacts[1] = {"Psykiatrins akutmottagning (fiktivt demonummer)", "0491-890 00", "dygnet runt"};
  c.complaints_contact =
      "Synpunkter på verksamheten lämnas till enhetschefen för Personligt ombud, telefon 0491-000 00 (fiktivt "
      "demonummer).";
  return c;
}

const PriorityGroup* find_priority_group(const OperationConfig& config, std::string_view key) {
  for (const auto& g : config.priority_groups) {
    if (g.key == key) return &g;
  }
  return nullptr;
}

}  // namespace ombud::domain
