// bench/micro/http_bench.cpp
//
// The request-independent parts of the pipeline: route matching (a linear scan over the ~50
// routes of the application) and form decoding.
#include <string>

#include <benchmark/benchmark.h>

#include "http/app.hpp"
#include "http/form.hpp"
#include "http/router.hpp"

namespace {

namespace http = ombud::http;

// The routes the application registers, in the order App's constructor registers them.
const http::Router& app_router() {
  static const http::Router kRouter = [] {
    http::Router r;
    http::register_system_routes(r);
    http::register_web_routes(r);
    http::register_list_routes(r);
    http::register_client_routes(r);
    http::register_settings_routes(r);
    http::register_api_routes(r);
    http::register_case_api_routes(r);
    return r;
  }();
  return kRouter;
}

void match_loop(benchmark::State& state, const http::Router& router, const char* method, const char* path,
                bool expect_match) {
  for (auto _ : state) {
    auto m = router.match(method, path);
    benchmark::DoNotOptimize(m);
    if ((m.route != nullptr) != expect_match) {
      state.SkipWithError("unexpected match result");
      break;
    }
  }
  state.counters["routes"] = static_cast<double>(router.routes().size());
}

void BM_RouterMatch_App_Healthz(benchmark::State& state) {
  match_loop(state, app_router(), "GET", "/healthz", true);
}
BENCHMARK(BM_RouterMatch_App_Healthz);

void BM_RouterMatch_App_Start(benchmark::State& state) {
  match_loop(state, app_router(), "GET", "/", true);
}
BENCHMARK(BM_RouterMatch_App_Start);

void BM_RouterMatch_App_ApiMe(benchmark::State& state) {
  match_loop(state, app_router(), "GET", "/api/v1/me", true);
}
BENCHMARK(BM_RouterMatch_App_ApiMe);

void BM_RouterMatch_App_Static(benchmark::State& state) {
  match_loop(state, app_router(), "GET", "/static/app.css", true);
}
BENCHMARK(BM_RouterMatch_App_Static);

void BM_RouterMatch_App_NotFound(benchmark::State& state) {
  match_loop(state, app_router(), "GET", "/no/such/page", false);
}
BENCHMARK(BM_RouterMatch_App_NotFound);

// A client page: a parameter to decode, behind ~20 routes of the same length.
void BM_RouterMatch_App_ClientPage(benchmark::State& state) {
  match_loop(state, app_router(), "GET", "/clients/01hzx3k7q2m9c4v8b6n5t1r0wy/assessment", true);
}
BENCHMARK(BM_RouterMatch_App_ClientPage);

// Near the end of the list: the scan passes every other route first.
void BM_RouterMatch_App_ApiLate(benchmark::State& state) {
  match_loop(state, app_router(), "POST", "/api/v1/clients/01hzx3k7q2m9c4v8b6n5t1r0wy/status", true);
}
BENCHMARK(BM_RouterMatch_App_ApiLate);

// A form of 10 fields as a client form posts it: Swedish text, spaces as '+', escapes.
void BM_FormParse10(benchmark::State& state) {
  const std::string body =
      "csrf=RBbZIBeeifs1_LPjrO29Ywp6t1vK4v9MRSZzPZSwiQg"
      "&first_name=%C3%85sa&last_name=Exempelsson"
      "&address=Storgatan+12+B&postcode=572+31&city=Oskarshamn"
      "&phone=0491-123+45&municipality=0882"
      "&needs=Kontakt+med+psykiatrin+och+F%C3%B6rs%C3%A4kringskassan&consent=yes";
  for (auto _ : state) {
    auto form = http::Form::parse(body);
    if (!form) {
      state.SkipWithError("Form::parse failed");
      break;
    }
    benchmark::DoNotOptimize(form);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_FormParse10);

}  // namespace
