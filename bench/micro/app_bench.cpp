// bench/micro/app_bench.cpp
//
// The whole request pipeline in-process (App::handle, no sockets): what an I/O thread spends on
// GET /healthz and on the authenticated start page, against a fresh demo operation in SQLite.
// The difference between the two is the session lookup, the permission check and the page.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include <benchmark/benchmark.h>

#include "core/time.hpp"
#include "crypto/key_cache.hpp"
#include "crypto/keyring.hpp"
#include "crypto/password.hpp"
#include "http/app.hpp"
#include "services/admin_service.hpp"
#include "services/assignment_service.hpp"
#include "services/auth_service.hpp"
#include "services/client_service.hpp"
#include "services/contact_log_service.hpp"
#include "services/demo_service.hpp"
#include "services/intake_service.hpp"
#include "services/orientation_service.hpp"
#include "services/overview_service.hpp"
#include "services/reference_service.hpp"
#include "store/database.hpp"
#include "store/migrate.hpp"
#include "views/renderer.hpp"

namespace {

namespace fs = std::filesystem;
using namespace ombud;

[[noreturn]] void die(const std::string& what, const Error& e) {
  std::cerr << "app_bench: " << what << ": " << (e.detail.empty() ? e.message_key : e.detail) << "\n";
  std::abort();
}

// A demo operation in a temporary directory, an App over it, and a signed-in ombud1.
class Fixture {
 public:
  Fixture() {
    std::string tmpl = (fs::temp_directory_path() / "bench-micro-app-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) std::abort();
    dir_ = tmpl;
    if (auto st = crypto::KeyRing::create_file(dir_ / "ombud.key"); !st) die("key file", st.error());
    auto keys = crypto::KeyRing::load(dir_ / "ombud.key");
    if (!keys) die("key file", keys.error());
    keys_ = std::move(*keys);
    auto db = store::Database::open((dir_ / "ombud.db").string(), 4);
    if (!db) die("database", db.error());
    db_ = std::move(*db);
    if (auto m = store::migrate(*db_); !m) die("migrate", m.error());
    services_ =
        std::make_unique<services::Services>(services::Services{*db_, *keys_, hasher_, clock_, {}, &key_cache_});
    if (auto st = services::ensure_key_check(*services_); !st) die("key check", st.error());
    // The demo of the performance targets: 12 ombud, 400 clients at every stage; one of ombud1's
    // clients with two years of work (200 log entries, 20 goals, 30 people in the network map).
    auto demo = services::create_demo(*services_, services::AuditSubject::command_line(), kPassword, {12, 400, 200});
    if (!demo) die("demo", demo.error());
    auto login = services::login(*services_, services::LoginRequest{"ombud1", kPassword, "127.0.0.1", {}});
    if (!login) die("login", login.error());
    token_ = login->token;
    auto sam = services::login(*services_, services::LoginRequest{"samordnare", kPassword, "127.0.0.1", {}});
    if (!sam) die("login", sam.error());
    samordnare_token_ = sam->token;
    // One of ombud1's active clients, for the client page.
    auto actor = services::authenticate(*services_, token_, "127.0.0.1");
    if (!actor) die("authenticate", actor.error());
    client_id_ = demo->history_client;
    auto views = views::Renderer::create();
    if (!views) die("views", views.error());
    views_ = std::move(*views);
    http::HttpConfig config;
    config.access_log = false;
    app_ = std::make_unique<http::App>(*services_, *views_, config);
  }
  ~Fixture() {
    app_.reset();
    services_.reset();
    db_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;

  http::App& app() { return *app_; }
  store::Database& db() { return *db_; }
  const std::string& token() const { return token_; }
  const std::string& samordnare_token() const { return samordnare_token_; }
  const std::string& client_id() const { return client_id_; }

 private:
  static constexpr const char* kPassword = "Blåbärssylt-och-pannkakor";
  fs::path dir_;
  std::unique_ptr<crypto::KeyRing> keys_;
  std::unique_ptr<store::Database> db_;
  crypto::PasswordHasher hasher_{1, crypto::HashStrength::kTestOnly};
  crypto::DataKeyCache key_cache_{4096};
  SystemClock clock_;
  std::unique_ptr<services::Services> services_;
  std::unique_ptr<views::Renderer> views_;
  std::unique_ptr<http::App> app_;
  std::string token_;
  std::string samordnare_token_;
  std::string client_id_;
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

// The headers a browser sends on a same-origin navigation, as the server hands them to App.
http::Request browser_request(const std::string& target, const std::string& cookie) {
  http::Request req;
  req.method = "GET";
  req.target = target;
  req.remote_address = "127.0.0.1";
  req.headers = {{"host", "127.0.0.1:8080"},
                 {"user-agent", "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0"},
                 {"accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
                 {"accept-language", "sv-SE,sv;q=0.8,en-US;q=0.5,en;q=0.3"},
                 {"accept-encoding", "gzip, deflate, br"},
                 {"sec-fetch-site", "same-origin"}};
  if (!cookie.empty()) req.headers.emplace_back("cookie", cookie);
  return req;
}

// Runs `step` (false: stop with an error) once per iteration. The server folds the WAL back once
// a second; so does the benchmark, every 2 000 iterations, outside the timing.
template <typename Step>
void run_loop(benchmark::State& state, const char* what, Step step) {
  std::int64_t n = 0;
  for (auto _ : state) {
    if (++n % 2000 == 0) {
      state.PauseTiming();
      (void)fixture().db().checkpoint();
      state.ResumeTiming();
    }
    if (!step()) {
      state.SkipWithError(what);
      break;
    }
  }
}

void handle_loop(benchmark::State& state, const http::Request& proto) {
  http::App& app = fixture().app();
  std::size_t bytes = 0;
  run_loop(state, "status other than 200", [&] {
    http::Request req = proto;
    http::Response res = app.handle(req);
    bytes = res.body.size();
    benchmark::DoNotOptimize(res);
    return res.status == 200;
  });
  state.counters["body_bytes"] = static_cast<double>(bytes);
}

void BM_AppHandle_Healthz(benchmark::State& state) {
  handle_loop(state, browser_request("/healthz", ""));
}
BENCHMARK(BM_AppHandle_Healthz);

void BM_AppHandle_StartOmbud(benchmark::State& state) {
  handle_loop(state, browser_request("/", "ombud_session=" + fixture().token()));
}
BENCHMARK(BM_AppHandle_StartOmbud);

void BM_AppHandle_Queue(benchmark::State& state) {
  handle_loop(state, browser_request("/queue", "ombud_session=" + fixture().samordnare_token()));
}
BENCHMARK(BM_AppHandle_Queue);

// An ombud opening one of their clients: the case, its rules, municipalities and staff names.
void BM_AppHandle_ClientPage(benchmark::State& state) {
  handle_loop(state, browser_request("/clients/" + fixture().client_id(), "ombud_session=" + fixture().token()));
}
BENCHMARK(BM_AppHandle_ClientPage);

// The same client's work pages, two years into the assignment, and the client's own copy of all
// of it as a PDF (cairo + pango, in memory).
void BM_AppHandle_WorkPage(benchmark::State& state) {
  static const char* const kPages[] = {"/log", "/plan", "/network", "/api/v1/clients/{id}/copy.pdf?notes=1"};
  std::string page = kPages[state.range(0)];
  const std::string path = page.find("{id}") != std::string::npos
                               ? page.replace(page.find("{id}"), 4, fixture().client_id())
                               : "/clients/" + fixture().client_id() + page;
  state.SetLabel(kPages[state.range(0)]);
  handle_loop(state, browser_request(path, "ombud_session=" + fixture().token()));
}
BENCHMARK(BM_AppHandle_WorkPage)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);

void BM_AppHandle_ApiMe(benchmark::State& state) {
  handle_loop(state, browser_request("/api/v1/me", "ombud_session=" + fixture().token()));
}
BENCHMARK(BM_AppHandle_ApiMe);

// The services behind the two pages, without the pipeline and the template: what the database,
// the key cache, decryption and the audit entry cost.
template <typename Call>
void service_loop(benchmark::State& state, const std::string& token, Call call) {
  const services::Services& s = fixture().app().services();
  auto actor = services::authenticate(s, token, "127.0.0.1");
  if (!actor) {
    state.SkipWithError("authenticate failed");
    return;
  }
  run_loop(state, "the service failed", [&] {
    auto v = call(s, *actor);
    benchmark::DoNotOptimize(v);
    return v.has_value();
  });
}

void BM_Service_ListClientsOmbud(benchmark::State& state) {
  service_loop(state, fixture().token(),
               [](const services::Services& s, const services::Actor& a) { return services::list_clients(s, a); });
}
BENCHMARK(BM_Service_ListClientsOmbud);

void BM_Service_Queue(benchmark::State& state) {
  service_loop(state, fixture().samordnare_token(),
               [](const services::Services& s, const services::Actor& a) { return services::queue(s, a); });
}
BENCHMARK(BM_Service_Queue);

void BM_Service_GetClient(benchmark::State& state) {
  service_loop(state, fixture().token(), [](const services::Services& s, const services::Actor& a) {
    return services::get_client(s, a, fixture().client_id());
  });
}
BENCHMARK(BM_Service_GetClient);

// A contact-log entry saved durably, one at a time (issue 12: ≤ 0.75 ms median): the case loaded
// for the work need, the note sealed, the entry, its statistics event and its audit entry in one
// write transaction, committed with full durability.
void BM_Service_AddContactEntry(benchmark::State& state) {
  services::ContactEntryInput in;
  in.kind = "mote";
  in.place = "hemma";
  in.counterpart = "klienten";
  in.minutes = "60";
  in.note = "Gick igenom räkningarna och skrev en ansökan om god man tillsammans.";
  service_loop(state, fixture().token(), [&](const services::Services& s, const services::Actor& a) {
    return services::add_contact_entry(s, a, fixture().client_id(), in);
  });
}
BENCHMARK(BM_Service_AddContactEntry);

// One page (20 entries, notes opened) of a client's contact log with N entries (200 is about two
// years of an assignment): paged in SQL, with the totals from an index, so it stays flat as the
// history grows. Each N has a client of its own, filled once outside the timing.
void BM_Service_ContactLogPage(benchmark::State& state) {
  const services::Services& s = fixture().app().services();
  auto actor = services::authenticate(s, fixture().token(), "127.0.0.1");
  if (!actor) {
    state.SkipWithError("authenticate failed");
    return;
  }
  static std::map<std::int64_t, std::string> filled;
  const std::int64_t n = state.range(0);
  if (filled.count(n) == 0) {
    auto mine = services::list_clients(s, *actor, {domain::CaseState::kActive});
    if (!mine || mine->size() < 3) {
      state.SkipWithError("ombud1 has too few active clients");
      return;
    }
    const std::string id = (*mine)[filled.size() + 1].id;
    services::ContactEntryInput in;
    in.kind = "telefon";
    in.counterpart = "forsakringskassan";
    in.minutes = "20";
    in.note = "Ringde om ansökan om bostadstillägg.";
    for (std::int64_t i = 0; i < n; ++i) {
      in.date = format_date(add_days(services::today(s), -static_cast<int>(i % 700)));
      if (!services::add_contact_entry(s, *actor, id, in)) {
        state.SkipWithError("filling the log failed");
        return;
      }
    }
    (void)fixture().db().checkpoint();
    filled[n] = id;
  }
  const std::string id = filled[n];
  run_loop(state, "the service failed", [&] {
    auto v = services::contact_log(s, *actor, id, 1, 20);
    benchmark::DoNotOptimize(v);
    return v.has_value() && v->total >= n;
  });
}
BENCHMARK(BM_Service_ContactLogPage)->Arg(200)->Arg(2000);

// The session lookup alone (hash the token, one SELECT joining sessions and users).
void BM_Authenticate(benchmark::State& state) {
  Fixture& f = fixture();
  const services::Services& s = f.app().services();
  for (auto _ : state) {
    auto actor = services::authenticate(s, f.token(), "127.0.0.1");
    if (!actor) {
      state.SkipWithError("authenticate failed");
      break;
    }
    benchmark::DoNotOptimize(actor);
  }
}
BENCHMARK(BM_Authenticate);

}  // namespace
