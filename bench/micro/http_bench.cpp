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

// The routes of the application, in the order App matches them.
const http::Router& app_router() {
  static const http::Router kRouter = [] {
    http::Router r;
    http::register_routes(r);
    return r;
  }();
  return kRouter;
}

void BM_RouterMatch_App(benchmark::State& state, const char* method, const char* path, bool expect_match) {
  const http::Router& router = app_router();
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
BENCHMARK_CAPTURE(BM_RouterMatch_App, Healthz, "GET", "/healthz", true);
BENCHMARK_CAPTURE(BM_RouterMatch_App, Start, "GET", "/", true);
BENCHMARK_CAPTURE(BM_RouterMatch_App, ApiMe, "GET", "/api/v1/me", true);
BENCHMARK_CAPTURE(BM_RouterMatch_App, Static, "GET", "/static/app.css", true);
BENCHMARK_CAPTURE(BM_RouterMatch_App, NotFound, "GET", "/no/such/page", false);
// A client page: a parameter to decode, behind ~20 routes of the same length.
BENCHMARK_CAPTURE(BM_RouterMatch_App, ClientPage, "GET", "/clients/01hzx3k7q2m9c4v8b6n5t1r0wy/assessment", true);
// Near the end of the list: the scan passes every other route first.
BENCHMARK_CAPTURE(BM_RouterMatch_App, ApiLate, "POST", "/api/v1/clients/01hzx3k7q2m9c4v8b6n5t1r0wy/status", true);

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
