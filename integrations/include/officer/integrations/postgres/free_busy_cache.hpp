#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <officer/domain/conflicts.hpp>
#include <officer/domain/interval.hpp>
#include <officer/domain/ports/clock.hpp>
#include <officer/integrations/postgres/connection_pool.hpp>

namespace officer::integrations::postgres {

/// A short-lived memory of free/busy answers in PostgreSQL, shared by every replica, so a team
/// booking several standups in a row does not query every calendar each time, and a booking on
/// one replica drops the answers all of them would use. Keyed by (the account that asked, the
/// attendee, the window rounded out to whole hours): callers ask providers for the rounded
/// window, so any window inside it is answered from the same entry. An entry lives kLifetime by
/// Officer's clock, and is dropped earlier when Officer books or cancels for the attendee
/// (Forget). Attendees match without regard to case. Failures throw TransientError.
class FreeBusyCache {
 public:
  static constexpr std::chrono::minutes kLifetime{5};

  FreeBusyCache(ConnectionPool& pool, const domain::Clock& clock) : pool_(pool), clock_(clock) {}

  /// `window` widened to whole hours (start floored, end ceiled).
  static domain::Interval Round(const domain::Interval& window);

  /// A fresh answer for each attendee, in input order; nullopt where none is kept.
  std::vector<std::optional<domain::Availability>> Find(const std::string& account,
                                                        const std::vector<std::string>& attendees,
                                                        const domain::Interval& rounded);
  /// Keeps the answers (replacing older ones), and drops every expired entry.
  void Store(const std::string& account,
             const std::vector<std::pair<std::string, domain::Availability>>& answers,
             const domain::Interval& rounded);
  /// Drops every answer about these attendees, whoever asked.
  void Forget(const std::vector<std::string>& attendees);
  /// Drops every answer (someone connected a calendar: what is visible has changed).
  void ForgetAll();

 private:
  ConnectionPool& pool_;
  const domain::Clock& clock_;
};

}  // namespace officer::integrations::postgres
