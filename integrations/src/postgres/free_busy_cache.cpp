#include <officer/integrations/postgres/free_busy_cache.hpp>

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "sql_arrays.hpp"

namespace officer::integrations::postgres {

namespace {

using nlohmann::json;
namespace d = domain;

constexpr std::string_view kFind =
    "SELECT attendee, availability::text FROM free_busy_cache"
    " WHERE account = $1 AND attendee = ANY($2::text[]) AND window_start = $3"
    " AND window_end = $4 AND stored_at > $5";
constexpr std::string_view kStore =
    "INSERT INTO free_busy_cache"
    " (account, attendee, window_start, window_end, availability, stored_at)"
    " SELECT $1, a.attendee, $3, $4, a.availability::jsonb, $5"
    " FROM unnest($2::text[], $6::text[]) AS a (attendee, availability)"
    " ON CONFLICT (account, attendee, window_start, window_end)"
    " DO UPDATE SET availability = EXCLUDED.availability, stored_at = EXCLUDED.stored_at";

long long Seconds(date::sys_seconds instant) { return instant.time_since_epoch().count(); }

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return text;
}

std::vector<std::string> Keys(const std::vector<std::string>& attendees) {
  std::vector<std::string> keys;
  keys.reserve(attendees.size());
  for (const auto& attendee : attendees) keys.push_back(Lower(attendee));
  return keys;
}

std::string Encode(const d::Availability& availability) {
  const auto* busy = std::get_if<std::vector<d::Interval>>(&availability);
  if (busy == nullptr) return json{{"visible", false}}.dump();
  json intervals = json::array();
  for (const auto& interval : *busy) {
    intervals.push_back({Seconds(interval.start), Seconds(interval.end)});
  }
  return json{{"visible", true}, {"busy", std::move(intervals)}}.dump();
}

// nullopt for a row this version cannot read: it is then asked again, never guessed.
std::optional<d::Availability> Decode(const std::string& text) {
  const json value = json::parse(text, nullptr, false);
  if (!value.is_object()) return std::nullopt;
  if (!value.value("visible", false)) return d::Availability{d::NotVisible{}};
  const auto busy = value.find("busy");
  if (busy == value.end() || !busy->is_array()) return std::nullopt;
  std::vector<d::Interval> intervals;
  for (const auto& pair : *busy) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_integer() ||
        !pair[1].is_number_integer()) {
      return std::nullopt;
    }
    intervals.push_back(
        d::Interval{date::sys_seconds{std::chrono::seconds{pair[0].get<long long>()}},
                    date::sys_seconds{std::chrono::seconds{pair[1].get<long long>()}}});
  }
  return d::Availability{std::move(intervals)};
}

}  // namespace

d::Interval FreeBusyCache::Round(const d::Interval& window) {
  return d::Interval{date::floor<std::chrono::hours>(window.start),
                     date::ceil<std::chrono::hours>(window.end)};
}

std::vector<std::optional<d::Availability>> FreeBusyCache::Find(
    const std::string& account, const std::vector<std::string>& attendees,
    const d::Interval& rounded) {
  const auto keys = Keys(attendees);
  const auto fresh_after = Seconds(clock_.Now() - kLifetime);
  std::map<std::string, d::Availability> found;
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::read_transaction tx(connection);
    for (const auto& row :
         tx.exec_params(std::string(kFind), account, TextArray(keys), Seconds(rounded.start),
                        Seconds(rounded.end), fresh_after)) {
      if (auto availability = Decode(row[1].as<std::string>())) {
        found.emplace(row[0].as<std::string>(), std::move(*availability));
      }
    }
  });
  std::vector<std::optional<d::Availability>> out;
  out.reserve(keys.size());
  for (const auto& key : keys) {
    auto it = found.find(key);
    out.push_back(it == found.end() ? std::nullopt : std::optional(it->second));
  }
  return out;
}

void FreeBusyCache::Store(const std::string& account,
                          const std::vector<std::pair<std::string, d::Availability>>& answers,
                          const d::Interval& rounded) {
  // One row per attendee: an INSERT … ON CONFLICT may not touch the same row twice.
  std::map<std::string, std::string> rows;
  for (const auto& [attendee, availability] : answers) rows[Lower(attendee)] = Encode(availability);
  if (rows.empty()) return;
  std::vector<std::string> attendees, availabilities;
  for (auto& [attendee, encoded] : rows) {
    attendees.push_back(attendee);
    availabilities.push_back(std::move(encoded));
  }
  const auto now = clock_.Now();
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    tx.exec_params("DELETE FROM free_busy_cache WHERE stored_at <= $1", Seconds(now - kLifetime));
    tx.exec_params(std::string(kStore), account, TextArray(attendees), Seconds(rounded.start),
                   Seconds(rounded.end), Seconds(now), TextArray(availabilities));
    tx.commit();
  });
}

void FreeBusyCache::Forget(const std::vector<std::string>& attendees) {
  if (attendees.empty()) return;
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    tx.exec_params("DELETE FROM free_busy_cache WHERE attendee = ANY($1::text[])",
                   TextArray(Keys(attendees)));
    tx.commit();
  });
}

void FreeBusyCache::ForgetAll() {
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    tx.exec("DELETE FROM free_busy_cache");
    tx.commit();
  });
}

}  // namespace officer::integrations::postgres
