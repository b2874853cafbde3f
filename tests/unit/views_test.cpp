// tests/unit/views_test.cpp
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "core/embedded.hpp"
#include "views/page.hpp"
#include "views/pages.hpp"
#include "views/renderer.hpp"

namespace ombud::views {
namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Templates, EveryTemplateStartsWithTheAutoescapePragma) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(OMBUD_SOURCE_DIR) / "templates")) {
    if (entry.path().extension() != ".tpl") continue;
    ++count;
    EXPECT_EQ(read(entry.path()).rfind("{{%AUTOESCAPE context=\"HTML\"}}", 0), 0U)
        << entry.path() << " lacks {{%AUTOESCAPE context=\"HTML\"}} at its top";
  }
  EXPECT_GT(count, 3);
}

// The one exception is a table's rows, which views::render_page writes and escapes itself
// (ADR 0018); TableRowsEscapeEveryValue below holds it to that.
TEST(Templates, NoTemplateTurnsEscapingOff) {
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(OMBUD_SOURCE_DIR) / "templates")) {
    std::string text = read(entry.path());
    if (entry.path().filename() == "page.tpl") {
      const auto at = text.find("{{BODY_ROWS:none}}");
      EXPECT_NE(at, std::string::npos);
      if (at != std::string::npos) text.erase(at, std::string("{{BODY_ROWS:none}}").size());
    }
    EXPECT_EQ(text.find(":none}}"), std::string::npos) << entry.path();
    EXPECT_EQ(text.find("{{{"), std::string::npos) << entry.path();
  }
}

TEST(Templates, ARendererWithAMissingPragmaIsRefused) {
  Catalog catalog = *Catalog::load();
  EXPECT_TRUE(localise_template("<p>[[login.title]]</p>", catalog, Lang::kSv));
  EXPECT_FALSE(localise_template("<p>[[no.such.key]]</p>", catalog, Lang::kSv));
  EXPECT_FALSE(localise_template("<p>[[login.title</p>", catalog, Lang::kSv));
}

TEST(Catalog, SwedishAndEnglishHaveTheSameKeys) {
  Catalog c = *Catalog::load();
  EXPECT_EQ(c.keys(Lang::kSv), c.keys(Lang::kEn));
  EXPECT_GT(c.keys(Lang::kSv).size(), 50U);
}

TEST(Catalog, EveryMessageKeyUsedInTheSourcesExists) {
  Catalog c = *Catalog::load();
  const std::regex key_literal(
      "\"((error|login|session|field|password|user|operation|municipality|start|nav|role|"
      "client|contact|assessment|orientation|queue|assignment|status|config|deadline|"
      "caseload|form|notice|inquiry|channel|contact_by|gender|state|outcome|outcome_choice|reason|place|"
      "reassign|action|own_wish|orientation_held|priorities|clients|settings|date)\\.[a-z0-9_.]+)\"");
  std::set<std::string> missing;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(std::filesystem::path(OMBUD_SOURCE_DIR) / "src")) {
    if (!entry.is_regular_file()) continue;
    std::string text = read(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), key_literal), end; it != end; ++it) {
      std::string key = (*it)[1];
      if (key.back() == '.') continue;  // a prefix that code completes, e.g. "role." + name
      if (!c.has(Lang::kSv, key)) missing.insert(key + " (" + entry.path().filename().string() + ")");
    }
  }
  EXPECT_TRUE(missing.empty()) << [&] {
    std::string s;
    for (const auto& m : missing)
      s += m + "\n";
    return s;
  }();
}

TEST(Catalog, FillsPlaceholders) {
  Catalog c = *Catalog::load();
  EXPECT_EQ(c.text(Lang::kSv, "start.welcome", {{"name", "Ada"}}), "Välkommen, Ada.");
  EXPECT_EQ(c.text(Lang::kEn, "start.welcome", {{"name", "Ada"}}), "Welcome, Ada.");
}

TEST(Lang, ChoosesFromCookieThenHeaderAndDefaultsToSwedish) {
  EXPECT_EQ(choose_lang("en", ""), Lang::kEn);
  EXPECT_EQ(choose_lang("sv", "en-GB"), Lang::kSv);
  EXPECT_EQ(choose_lang("", "en-GB,en;q=0.9"), Lang::kEn);
  EXPECT_EQ(choose_lang("", "de-DE"), Lang::kSv);
  EXPECT_EQ(choose_lang("", ""), Lang::kSv);
}

class Pages : public ::testing::Test {
 protected:
  std::unique_ptr<Renderer> r = std::move(*Renderer::create());
};

TEST_F(Pages, UserValuesAreEscaped) {
  Frame f;
  f.title = "Logga in";
  LoginView v;
  v.username = "<script>alert(1)</script>\"'";
  v.next = "javascript:alert(1)";
  std::string html = render_login(*r, f, v);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
}

TEST_F(Pages, LoginErrorsAreTiedToTheirFields) {
  Frame f;
  f.title = "Logga in";
  LoginView v;
  v.errors = {{"username", "Fältet måste fyllas i."}};
  std::string html = render_login(*r, f, v);
  EXPECT_NE(html.find("href=\"#username\""), std::string::npos);
  EXPECT_NE(html.find("aria-describedby=\"username-error\""), std::string::npos);
  EXPECT_NE(html.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(html.find("role=\"alert\""), std::string::npos);
}

TEST_F(Pages, PagesShowTheUserTheRoleAndTheMenu) {
  Frame f;
  f.title = "Mina klienter";
  f.viewer = Viewer{"Ada Exempelsson", domain::Role::kOmbud, "csrf-token", 0};
  Page page;
  page.heading = "Mina klienter";
  std::string html = render_page(*r, f, page);
  EXPECT_NE(html.find("Ada Exempelsson"), std::string::npos);
  EXPECT_NE(html.find("Personligt ombud"), std::string::npos);
  EXPECT_NE(html.find("aria-current=\"page\""), std::string::npos);
  EXPECT_NE(html.find("name=\"csrf\" value=\"csrf-token\""), std::string::npos);
  EXPECT_NE(html.find("lang=\"sv\""), std::string::npos);
  f.lang = Lang::kEn;
  std::string en = render_page(*r, f, page);
  EXPECT_NE(en.find("lang=\"en\""), std::string::npos);
  EXPECT_NE(en.find("Log out"), std::string::npos);
}

TEST_F(Pages, FormControlsHaveLabelsHintsAndErrorsTiedTogether) {
  Frame f;
  f.title = "Ny kontakt";
  f.viewer = Viewer{"Ada", domain::Role::kOmbud, "t", 0};
  Page page;
  page.heading = "Ny kontakt";
  FormBlock form;
  form.action = "/contacts";
  form.submit = "Spara";
  Control year;
  year.kind = Control::Kind::kNumber;
  year.name = "birth_year";
  year.label = "Födelseår";
  year.hint = "Bara året";
  year.value = "<b>1990</b>";
  Control gender;
  gender.kind = Control::Kind::kRadios;
  gender.name = "gender";
  gender.label = "Kön";
  gender.options = {{"kvinna", "Kvinna", false}, {"man", "Man", true}};
  form.controls = {year, gender};
  page.forms.push_back(form);
  page.errors = {{"birth_year", "Skriv ett år."}, {"gender", "Välj ett svar."}};
  attach_errors(page.forms[0].controls, page.errors);
  std::string html = render_page(*r, f, page);
  EXPECT_NE(html.find("<label for=\"birth_year\">Födelseår</label>"), std::string::npos);
  EXPECT_NE(html.find("aria-describedby=\"birth_year-hint birth_year-error\""), std::string::npos);
  EXPECT_NE(html.find("id=\"birth_year-error\">Skriv ett år.</p>"), std::string::npos);
  EXPECT_NE(html.find("value=\"&lt;b&gt;1990&lt;/b&gt;\""), std::string::npos);
  EXPECT_NE(html.find("<legend>Kön</legend>"), std::string::npos);
  EXPECT_NE(html.find("id=\"gender\" name=\"gender\" value=\"kvinna\""), std::string::npos)
      << "the first choice carries the field id the error summary links to";
  EXPECT_NE(html.find("value=\"man\" checked"), std::string::npos);
  EXPECT_NE(html.find("href=\"#gender\""), std::string::npos);
  EXPECT_NE(html.find("name=\"csrf\" value=\"t\""), std::string::npos);
}

TEST_F(Pages, TableRowsEscapeEveryValue) {
  Frame f;
  f.title = "Kö";
  Page page;
  page.heading = "Kö";
  Table t;
  t.title = "Kön";
  t.columns = {"Klient", "Läge", "Not"};
  const std::string hostile = "<script>alert('x')</script>\"&";
  const std::string escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;";
  t.rows = {{{hostile, "/clients/\"><script>", "", "", true},
             {hostile, "", "ok\" onmouseover=\"x", hostile},
             {hostile, "javascript:alert(1)"}}};
  page.tables.push_back(t);
  std::string html = render_page(*r, f, page);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("onmouseover=\""), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"row\" role=\"rowheader\"><a href=\"/clients/&quot;&gt;&lt;script&gt;\">" + escaped +
                      "</a></th>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"badge badge-ok&quot; onmouseover=&quot;x\">" + escaped +
                      "</span><span class=\"cell-note\">" + escaped + "</span>"),
            std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos) << "a link leads only to a path of this application";
  EXPECT_NE(html.find(">" + escaped + "</td></tr>"), std::string::npos);
}

TEST_F(Pages, TablesAreKeyboardScrollableAndEmptyTablesSaySo) {
  Frame f;
  f.title = "Kö";
  Page page;
  page.heading = "Kö";
  Table t;
  t.title = "Kön";
  t.columns = {"Plats", "Klient"};
  t.rows = {{{"1", "", "", "", true}, {"K-2026-001", "/clients/x"}}};
  page.tables.push_back(t);
  Table empty;
  empty.title = "Tom";
  empty.empty_text = "Ingen står i kö just nu.";
  page.tables.push_back(empty);
  std::string html = render_page(*r, f, page);
  EXPECT_NE(html.find("class=\"table-wrap\" tabindex=\"0\""), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"row\" role=\"rowheader\">1</th>"), std::string::npos);
  // Each value carries its column's name, which a narrow screen shows before it (app.css).
  EXPECT_NE(html.find("<td role=\"cell\" data-label=\"Klient\"><a href"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"/clients/x\">K-2026-001</a>"), std::string::npos);
  EXPECT_NE(html.find("<p>Ingen står i kö just nu.</p>"), std::string::npos);
}

}  // namespace
}  // namespace ombud::views
