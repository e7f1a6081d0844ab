#include <officer/bot/observability/metrics.hpp>

#include <sstream>

namespace officer::bot {

namespace {

std::string Number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace

void Metrics::RecordRequest(const std::string& method, const std::string& route, int status,
                            double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{method, route, status}];
  Histogram& histogram = latency_by_route_[route];
  for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    if (seconds <= kLatencyBuckets[i]) ++histogram.buckets[i];
  }
  ++histogram.count;
  histogram.sum += seconds;
}

void Metrics::Add(const std::string& name, const std::string& labels, double delta) {
  std::lock_guard lock(mutex_);
  counters_[name][labels] += delta;
}

void Metrics::AddCollector(std::function<std::string()> collector) {
  std::lock_guard lock(mutex_);
  collectors_.push_back(std::move(collector));
}

std::string Metrics::Render() const {
  std::vector<std::function<std::string()>> collectors;
  std::ostringstream out;
  {
    std::lock_guard lock(mutex_);
    out << "# HELP officer_http_requests_total HTTP requests by route and status.\n"
        << "# TYPE officer_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
      const auto& [method, route, status] = key;
      out << "officer_http_requests_total{method=\"" << method << "\",route=\"" << route
          << "\",status=\"" << status << "\"} " << count << "\n";
    }
    out << "# HELP officer_http_request_duration_seconds Time from request to response.\n"
        << "# TYPE officer_http_request_duration_seconds histogram\n";
    for (const auto& [route, histogram] : latency_by_route_) {
      for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
        out << "officer_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
            << Number(kLatencyBuckets[i]) << "\"} " << histogram.buckets[i] << "\n";
      }
      out << "officer_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} "
          << histogram.count << "\n"
          << "officer_http_request_duration_seconds_sum{route=\"" << route << "\"} "
          << Number(histogram.sum) << "\n"
          << "officer_http_request_duration_seconds_count{route=\"" << route << "\"} "
          << histogram.count << "\n";
    }
    for (const auto& [name, series] : counters_) {
      out << "# TYPE " << name << " counter\n";
      for (const auto& [labels, value] : series) {
        out << name << (labels.empty() ? "" : "{" + labels + "}") << " " << Number(value) << "\n";
      }
    }
    collectors = collectors_;
  }
  for (const auto& collector : collectors) out << collector();
  return out.str();
}

}  // namespace officer::bot
