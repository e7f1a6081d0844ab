#pragma once

#include <array>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace officer::bot {

/// Prometheus text metrics: HTTP requests by route and status, a latency histogram, plus
/// counters any part of officer bumps by name and text from collectors registered at start-up.
class Metrics {
 public:
  static constexpr std::array<double, 12> kLatencyBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};

  void RecordRequest(const std::string& method, const std::string& route, int status,
                     double seconds);
  /// Adds `delta` to counter `name` with one optional label pair rendered as-is.
  void Add(const std::string& name, const std::string& labels, double delta = 1.0);
  /// Collectors return ready Prometheus text (with HELP/TYPE lines) at scrape time.
  void AddCollector(std::function<std::string()> collector);
  std::string Render() const;

 private:
  struct Histogram {
    std::array<unsigned long, kLatencyBuckets.size()> buckets{};
    unsigned long count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, unsigned long> requests_;
  std::map<std::string, Histogram> latency_by_route_;
  std::map<std::string, std::map<std::string, double>> counters_;
  std::vector<std::function<std::string()>> collectors_;
};

}  // namespace officer::bot
