// bench/micro/views_bench.cpp
//
// Page rendering with ctemplate: the start page as GET / builds it for an ombud ("Mina klienter":
// a table of the ombud's clients, rendered by views::render_page) and the login page. The
// Renderer is created once, as the server does at start-up.
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include <benchmark/benchmark.h>

#include "views/page.hpp"
#include "views/pages.hpp"
#include "views/renderer.hpp"

namespace {

namespace views = ombud::views;
namespace domain = ombud::domain;

const views::Renderer& renderer() {
  static const std::unique_ptr<views::Renderer> kRenderer = [] {
    auto r = views::Renderer::create();
    if (!r) {
      std::cerr << "views::Renderer::create failed: " << r.error().detail << "\n";
      std::abort();
    }
    return std::move(*r);
  }();
  return *kRenderer;
}

views::Frame frame_for(const views::Renderer& r, domain::Role role, std::string_view title_key) {
  views::Frame f;
  f.lang = views::Lang::kSv;
  f.title = r.t(f.lang, title_key);
  f.path = "/";
  f.viewer = views::Viewer{"Ada Exempelsson", role, "RBbZIBeeifs1_LPjrO29Ywp6t1vK4v9MRSZzPZSwiQg", 1795427400};
  return f;
}

// The page model of http/handlers_lists.cpp's get_start for an ombud with `clients` clients.
views::Page start_page(const views::Renderer& r, int clients) {
  const auto sv = views::Lang::kSv;
  views::Page page;
  page.heading = r.t(sv, "nav.my_clients");
  page.lead = {r.t(sv, "start.welcome", {{"name", "Ada Exempelsson"}})};
  page.actions = {{r.t(sv, "nav.new_contact"), "/contacts/new"}};
  views::Table t;
  t.title = r.t(sv, "start.my_clients");
  t.title_hidden = true;
  t.columns = {r.t(sv, "clients.name"), r.t(sv, "client.code"), r.t(sv, "client.state"), r.t(sv, "client.municipality"),
               r.t(sv, "client.first_contact")};
  for (int i = 0; i < clients; ++i) {
    const std::string n = std::to_string(1000 + i);
    t.rows.push_back({{"Klient Exempelsson " + n, "/clients/01hzx3k7q2m9c4v8b6n5t1" + n, "", "", true},
                      {"PO-2026-" + n},
                      {r.t(sv, i % 2 == 0 ? "state.aktiv" : "state.orienteringsbesok")},
                      {"Oskarshamn"},
                      {"2026-03-14"}});
  }
  t.empty_text = r.t(sv, "start.no_clients");
  page.tables.push_back(std::move(t));
  page.after = {r.t(sv, "session.idle_note")};
  return page;
}

// Renders with `render` once per iteration and reports the size of the page.
template <typename Render>
void render_loop(benchmark::State& state, Render render) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string html = render();
    bytes = html.size();
    benchmark::DoNotOptimize(html);
  }
  state.counters["html_bytes"] = static_cast<double>(bytes);
}

// GET / for an ombud; the argument is the number of clients in the table.
void BM_RenderStartOmbud(benchmark::State& state) {
  const auto& r = renderer();
  const views::Frame frame = frame_for(r, domain::Role::kOmbud, "nav.my_clients");
  const views::Page page = start_page(r, static_cast<int>(state.range(0)));
  render_loop(state, [&] { return views::render_page(r, frame, page); });
}
BENCHMARK(BM_RenderStartOmbud)->Arg(0)->Arg(8)->Arg(50)->Arg(400);

void BM_RenderLogin(benchmark::State& state) {
  const auto& r = renderer();
  views::Frame frame;
  frame.lang = views::Lang::kSv;
  frame.title = r.t(frame.lang, "login.title");
  frame.path = "/login";
  views::LoginView view;
  view.csrf_token = "pre-session-token-pre-session-token-abcdefg";
  view.next = "/";
  render_loop(state, [&] { return views::render_login(r, frame, view); });
}
BENCHMARK(BM_RenderLogin);

}  // namespace
