// src/http/metrics.cpp
#include "http/metrics.hpp"

#include <unistd.h>

#include <fstream>

#include <fmt/format.h>

namespace ombud::http {

Metrics::Metrics(std::vector<std::pair<std::string, std::string>> labels)
    : labels_(std::move(labels)), series_(std::make_unique<Series[]>(labels_.size() + 1)) {}

void Metrics::observe(std::size_t i, int status, double seconds) {
  if (i > labels_.size()) i = labels_.size();  // a route added after start-up counts as unmatched
  Series& s = series_[i];
  int cls = status / 100 - 1;
  if (cls >= 0 && cls < 5) s.by_class[static_cast<std::size_t>(cls)].fetch_add(1, std::memory_order_relaxed);
  for (std::size_t b = 0; b < kBuckets.size(); ++b) {
    if (seconds <= kBuckets[b]) {
      s.buckets[b].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  }
  s.count.fetch_add(1, std::memory_order_relaxed);
  s.sum_micros.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

std::string Metrics::render() const {
  std::string out;
  out += "# HELP ombud_http_requests_total HTTP requests answered, by route and status class.\n";
  out += "# TYPE ombud_http_requests_total counter\n";
  auto label = [&](std::size_t i) {
    if (i == labels_.size()) return std::string("method=\"\",route=\"unmatched\"");
    return fmt::format("method=\"{}\",route=\"{}\"", labels_[i].first, labels_[i].second);
  };
  for (std::size_t i = 0; i <= labels_.size(); ++i) {
    for (std::size_t c = 0; c < 5; ++c) {
      auto n = series_[i].by_class[c].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out += fmt::format("ombud_http_requests_total{{{},status=\"{}xx\"}} {}\n", label(i), c + 1, n);
    }
  }
  out += "# HELP ombud_http_request_duration_seconds Time from a complete request to its response.\n";
  out += "# TYPE ombud_http_request_duration_seconds histogram\n";
  for (std::size_t i = 0; i <= labels_.size(); ++i) {
    const Series& s = series_[i];
    auto count = s.count.load(std::memory_order_relaxed);
    if (count == 0) continue;
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += s.buckets[b].load(std::memory_order_relaxed);
      out += fmt::format("ombud_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", label(i), kBuckets[b],
                         cumulative);
    }
    out += fmt::format("ombud_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", label(i), count);
    out += fmt::format("ombud_http_request_duration_seconds_sum{{{}}} {:.6f}\n", label(i),
                       static_cast<double>(s.sum_micros.load(std::memory_order_relaxed)) / 1e6);
    out += fmt::format("ombud_http_request_duration_seconds_count{{{}}} {}\n", label(i), count);
  }
  std::uint64_t errors = 0;
  for (std::size_t i = 0; i <= labels_.size(); ++i)
    errors += series_[i].by_class[4].load(std::memory_order_relaxed);
  out += "# HELP ombud_http_errors_total Requests answered with a 5xx status.\n";
  out += "# TYPE ombud_http_errors_total counter\n";
  out += fmt::format("ombud_http_errors_total {}\n", errors);
  out += "# HELP ombud_http_rejected_total Requests refused with 503 because the server was at its limit.\n";
  out += "# TYPE ombud_http_rejected_total counter\n";
  out += fmt::format("ombud_http_rejected_total {}\n", rejected_.load(std::memory_order_relaxed));
  out += "# HELP ombud_http_in_flight Requests being handled now.\n";
  out += "# TYPE ombud_http_in_flight gauge\n";
  out += fmt::format("ombud_http_in_flight {}\n", in_flight_.load(std::memory_order_relaxed));
  out += "# HELP ombud_http_connections Open client connections.\n";
  out += "# TYPE ombud_http_connections gauge\n";
  out += fmt::format("ombud_http_connections {}\n", connections_.load(std::memory_order_relaxed));
  // Resident memory, from /proc (Linux).
  std::ifstream statm("/proc/self/statm");
  long pages_total = 0;
  long pages_resident = 0;
  if (statm >> pages_total >> pages_resident) {
    out += "# HELP process_resident_memory_bytes Resident memory size in bytes.\n";
    out += "# TYPE process_resident_memory_bytes gauge\n";
    out += fmt::format("process_resident_memory_bytes {}\n", pages_resident * ::sysconf(_SC_PAGESIZE));
  }
  return out;
}

}  // namespace ombud::http
