// src/services/demo_service.cpp
#include "services/demo_service.hpp"

#include <array>

#include "services/admin_service.hpp"
#include "services/assignment_service.hpp"
#include "services/client_service.hpp"
#include "services/config_service.hpp"
#include "services/contact_log_service.hpp"
#include "services/intake_service.hpp"
#include "services/network_service.hpp"
#include "services/orientation_service.hpp"
#include "services/overview_service.hpp"
#include "services/plan_service.hpp"
#include "services/reference_service.hpp"
#include "services/user_service.hpp"

namespace ombud::services {

namespace {

constexpr std::array<const char*, 16> kFirstNames = {"Alva",  "Bertil", "Cornelia", "Dennis", "Elsa",  "Frans",
                                                     "Greta", "Hugo",   "Ines",     "Jonte",  "Klara", "Ludvig",
                                                     "Maja",  "Nils",   "Olivia",   "Pelle"};
constexpr std::array<const char*, 8> kSurnames = {"Exempelsson", "Påhittsson", "Testberg",   "Provlund",
                                                  "Demodotter",  "Låtsasson",  "Fiktivsson", "Övningsberg"};

// A small deterministic generator, so a demo looks the same every time it is made.
struct Dice {
  unsigned long long state;
  int roll(int n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<unsigned long long>(n));
  }
};

std::string date_before(Date today, int days) {
  return format_date(add_days(today, -days));
}

// The stage a demo client is taken to, by its place in the series.
enum class Stage { kFirstContact, kAssessment, kBooked, kDeclined, kAcute, kWithdrawn, kQueue, kActive, kPaused };

Stage stage_for(int i, int n) {
  int permille = n <= 0 ? 0 : (i * 1000) / n;
  if (permille < 30) return Stage::kFirstContact;
  if (permille < 60) return Stage::kAssessment;
  if (permille < 100) return Stage::kBooked;
  if (permille < 120) return Stage::kDeclined;
  if (permille < 130) return Stage::kAcute;
  if (permille < 150) return Stage::kWithdrawn;
  if (permille < 250) return Stage::kQueue;
  if (permille < 300) return Stage::kPaused;
  return Stage::kActive;
}

Status make_client(const Services& s, const Actor& samordnare, const std::vector<long long>& ombud, int i, int n,
                   Dice& dice, const std::vector<std::string>& municipalities) {
  const Date today = services::today(s);
  const Stage stage = stage_for(i, n);
  // Earlier stages are recent; active assignments began up to a year ago.
  int age_days = stage == Stage::kFirstContact || stage == Stage::kAssessment ? 1 + dice.roll(10)
                 : stage == Stage::kBooked                                    ? 3 + dice.roll(15)
                 : stage == Stage::kQueue                                     ? 30 + dice.roll(120)
                                                                              : 60 + dice.roll(300);
  NewContact c;
  c.contact_date = date_before(today, age_days);
  static constexpr std::array<const char*, 6> kChannels = {"telefon", "sms", "epost", "brev", "besok", "webb"};
  c.channel = kChannels[static_cast<std::size_t>(dice.roll(6))];
  bool third_party = stage == Stage::kFirstContact || dice.roll(4) == 0;
  static constexpr std::array<const char*, 4> kOthers = {"anhorig", "van", "personal", "annan"};
  c.contact_by = third_party ? kOthers[static_cast<std::size_t>(dice.roll(4))] : "sjalv";
  c.own_wish = third_party && stage != Stage::kFirstContact;
  c.alias = std::string(kFirstNames[static_cast<std::size_t>(i) % kFirstNames.size()]) + " " +
            kSurnames[static_cast<std::size_t>(i / 16) % kSurnames.size()];
  if (i >= 128) c.alias += " " + std::to_string(i / 128 + 1);
  c.reach = "Telefon 070-000 " + std::to_string(1000 + i) + " (fiktivt demonummer)";
  c.municipality = municipalities[static_cast<std::size_t>(dice.roll(static_cast<int>(municipalities.size())))];
  c.birth_year = std::to_string(static_cast<int>(today.year()) - 19 - dice.roll(50));
  static constexpr std::array<const char*, 4> kGenders = {"kvinna", "man", "annat", "vill_ej_ange"};
  c.gender = kGenders[static_cast<std::size_t>(dice.roll(10) < 5 ? 0 : dice.roll(10) < 9 ? 1 : 2 + dice.roll(2))];
  ClientView v = OMBUD_TRY(record_contact(s, samordnare, c));
  if (stage == Stage::kFirstContact) return {};
  const int start = age_days;
  auto on = [&](int after) { return date_before(today, std::max(0, start - after)); };
  if (stage == Stage::kAcute) {
    OMBUD_TRY(assess(s, samordnare, v.id, {v.version, on(0), "akut", "", "", "", "", ""}));
    return {};
  }
  if (stage == Stage::kAssessment) return {};
  if (stage == Stage::kDeclined) {
    static constexpr std::array<const char*, 3> kReasons = {"hjalpen_till_hjalpen", "utanfor_malgrupp", "annat"};
    OMBUD_TRY(assess(s, samordnare, v.id,
                     {v.version, on(2), "nej", kReasons[static_cast<std::size_t>(dice.roll(3))], "ja", "nej", "", ""}));
    return {};
  }
  v = OMBUD_TRY(assess(s, samordnare, v.id, {v.version, on(2), "malgrupp", "", "ja", "ja", "", ""}));
  std::size_t first = static_cast<std::size_t>(i) % ombud.size();
  std::vector<std::string> pair = {std::to_string(ombud[first]), std::to_string(ombud[(first + 1) % ombud.size()])};
  int visit_after = stage == Stage::kBooked ? start + 2 + dice.roll(10) : 10 + dice.roll(10);
  std::string visit = format_date(add_days(today, visit_after - start));
  static constexpr std::array<const char*, 5> kPlaces = {"kontoret", "hemma", "kafe", "bibliotek", "annat"};
  static constexpr std::array<const char*, 4> kTimes = {"09:30", "10:00", "13:00", "14:30"};
  v = OMBUD_TRY(book_orientation(s, samordnare, v.id,
                                 {v.version, visit, kTimes[static_cast<std::size_t>(dice.roll(4))],
                                  kPlaces[static_cast<std::size_t>(dice.roll(5))], pair, dice.roll(3) == 0}));
  if (stage == Stage::kBooked) return {};
  std::vector<std::string> priorities;
  if (dice.roll(5) == 0) priorities.emplace_back("ensamstaende_foralder");
  if (dice.roll(4) == 0) priorities.emplace_back("utan_stod");
  v = OMBUD_TRY(record_orientation(s, samordnare, v.id,
                                   {v.version, visit, stage == Stage::kWithdrawn ? "avstar" : "ko", priorities}));
  if (stage == Stage::kWithdrawn || stage == Stage::kQueue) return {};
  int assigned_after = visit_after + 5 + dice.roll(20);
  if (assigned_after > start) assigned_after = start;
  AssignInput a{v.version, std::to_string(ombud[static_cast<std::size_t>(i) % ombud.size()]), on(assigned_after), "",
                ""};
  auto assigned = assign(s, samordnare, v.id, a);
  if (!assigned && !assigned.error().fields.empty() &&
      assigned.error().fields.front().message_key == "assignment.bypass_reason_required") {
    // The demo assigns in the order it makes clients, not the queue's: say why, as a samordnare must.
    a.bypass_reason = "matchning";
    assigned = assign(s, samordnare, v.id, a);
  }
  v = OMBUD_TRY(std::move(assigned));
  if (stage == Stage::kPaused) OMBUD_TRY(change_status(s, samordnare, v.id, {v.version, "vilande", on(start)}));
  return {};
}

// About two years of an assignment's work for one client, written through the same use cases as
// the pages, so that it is sealed and counted as real work is.
Status make_history(const Services& s, const Actor& ombud, const std::string& client_id, int entries) {
  static constexpr std::array<const char*, 6> kKinds = {"mote",      "telefon",      "medfoljning",
                                                        "skrivelse", "natverksmote", "sip"};
  static constexpr std::array<const char*, 5> kWith = {"klienten", "forsakringskassan", "socialtjansten", "psykiatrin",
                                                       "god_man"};
  static constexpr std::array<const char*, 6> kNetwork = {"forsakringskassan", "socialtjansten", "psykiatrin",
                                                          "god_man",           "boendestodjare", "privat"};
  // The plan and the network map are as two years leave them (20 goals, 30 people); the log is
  // what keeps growing with the years.
  const int people = std::min(30, entries * 30 / 200);
  for (int k = 0; k < people; ++k) {
    NetworkInput p{
        kNetwork[static_cast<std::size_t>(k) % kNetwork.size()],       "Kontakt nummer " + std::to_string(k + 1),
        "Hjälper klienten med ärende " + std::to_string(k + 1),        k % 2 == 0,
        k % 2 == 0 ? "070-000 00 " + std::to_string(10 + k % 90) : "", 0};
    OMBUD_TRY(add_network_entry(s, ombud, client_id, p));
  }
  const int goals = std::min(20, entries / 10);
  for (int g = 0; g < goals; ++g) {
    auto goal = OMBUD_TRY(add_goal(s, ombud, client_id, "Mål nummer " + std::to_string(g + 1) + " med klientens ord"));
    for (int k = 0; k < 3; ++k) {
      OMBUD_TRY(add_step(
          s, ombud, client_id, goal.id,
          {"Steg " + std::to_string(k + 1) + " mot målet", k == 0 ? "klienten" : "ombudet", "", g + 1 < goals, 0}));
    }
    if (g + 1 < goals) OMBUD_TRY(change_goal(s, ombud, client_id, goal.id, {goal.text, "uppnatt", goal.version}));
  }
  const Date today_on = today(s);
  for (int e = 0; e < entries; ++e) {
    ContactEntryInput in;
    in.date = format_date(add_days(today_on, -(730 * (entries - e)) / entries));
    in.kind = kKinds[static_cast<std::size_t>(e) % kKinds.size()];
    in.counterpart = kWith[static_cast<std::size_t>(e) % kWith.size()];
    in.place = in.kind == "mote" ? "hemma" : "";
    in.minutes = std::to_string(15 + (e % 6) * 15);
    in.note = "Anteckning " + std::to_string(e + 1) + ": vi gick igenom posten och ringde handläggaren.";
    OMBUD_TRY(add_contact_entry(s, ombud, client_id, in));
  }
  return {};
}

}  // namespace

Result<DemoResult> create_demo(const Services& s, const AuditSubject& who, const std::string& password,
                               const DemoOptions& options) {
  OMBUD_CHECK(check_password_policy(password, ""));
  if (options.ombud < 2 || options.ombud > 50 || options.clients < 0 || options.clients > 5000 || options.history < 0 ||
      options.history > 20000) {
    return fail(Error::internal("the demo takes 2–50 ombud, 0–5000 clients and a history of 0–20000 entries"));
  }
  OperationSpec spec;
  spec.name = "PO Norra Kalmar län (demo)";
  spec.municipalities = {{"0882", "Oskarshamn"}, {"0861", "Mönsterås"}, {"0821", "Högsby"}};
  DemoResult result;
  result.operation_id = OMBUD_TRY(create_operation(s, who, spec));
  OMBUD_CHECK(initialise_config(s, result.operation_id, domain::seed_config()));
  std::vector<DemoLogin> people = {
      {"ombud1", "ombud", "Ada Exempelsson"},
      {"ombud2", "ombud", "Bo Påhittsson"},
      {"samordnare", "samordnare", "Cecilia Testberg"},
      {"ledning", "ledningsgrupp", "David Provlund"},
      {"admin", "admin", "Eva Demodotter"},
  };
  for (int k = 3; k <= options.ombud; ++k) {
    people.push_back({"ombud" + std::to_string(k), "ombud",
                      std::string(kFirstNames[static_cast<std::size_t>(k) % kFirstNames.size()]) + " Demoombud"});
  }
  Actor samordnare;
  std::vector<long long> ombud;
  for (const auto& p : people) {
    long long id = OMBUD_TRY(add_user(s, UserAdministrator{who, std::nullopt, std::nullopt, std::nullopt},
                                      NewUser{result.operation_id, p.username, p.display_name, p.role, password}))
                       .id;
    result.logins.push_back(p);
    if (p.role == "ombud") ombud.push_back(id);
    if (p.role == "samordnare") {
      samordnare.user_id = id;
      samordnare.operation_id = result.operation_id;
      samordnare.username = p.username;
      samordnare.display_name = p.display_name;
      samordnare.role = domain::Role::kSamordnare;
      samordnare.address = "demo";
    }
  }
  std::vector<std::string> municipalities;
  for (const auto& m : spec.municipalities)
    municipalities.push_back(m.first);
  Dice dice{20261123};
  for (int i = 0; i < options.clients; ++i) {
    OMBUD_CHECK(make_client(s, samordnare, ombud, i, options.clients, dice, municipalities));
  }
  result.clients = options.clients;
  if (options.history > 0) {
    Actor first;
    first.user_id = ombud.front();
    first.operation_id = result.operation_id;
    first.username = "ombud1";
    first.role = domain::Role::kOmbud;
    first.address = "demo";
    auto active = OMBUD_TRY(list_clients(s, first, {domain::CaseState::kActive}));
    if (active.empty()) return fail(Error::internal("the demo has no active client to give a history"));
    result.history_client = active.front().id;
    OMBUD_CHECK(make_history(s, first, result.history_client, options.history));
  }
  return result;
}

}  // namespace ombud::services
