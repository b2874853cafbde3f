// src/http/metrics.hpp
//
// Prometheus text exposition: requests by route and status class, latency histograms, errors,
// overload rejections and connections. Labels are route patterns, never raw paths, so no client
// id or search term ever reaches a metric.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ombud::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  /// One series per route (method + pattern); index `labels.size()` counts unmatched requests.
  explicit Metrics(std::vector<std::pair<std::string, std::string>> labels);

  void observe(std::size_t route_index, int status, double seconds);
  void rejected_overload() { rejected_.fetch_add(1, std::memory_order_relaxed); }
  void connection_opened() { connections_.fetch_add(1, std::memory_order_relaxed); }
  void connection_closed() { connections_.fetch_sub(1, std::memory_order_relaxed); }
  std::atomic<long>& in_flight() { return in_flight_; }
  std::size_t unmatched_index() const { return labels_.size(); }

  std::string render() const;

 private:
  struct Series {
    std::array<std::atomic<std::uint64_t>, 5> by_class{};  // 1xx … 5xx
    std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets{};
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sum_micros{0};
  };
  std::vector<std::pair<std::string, std::string>> labels_;
  std::unique_ptr<Series[]> series_;
  std::atomic<std::uint64_t> rejected_{0};
  std::atomic<long> connections_{0};
  std::atomic<long> in_flight_{0};
};

}  // namespace ombud::http
