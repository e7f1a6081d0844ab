#pragma once

#include <map>
#include <string>
#include <vector>

#include <officer/domain/ports/calendar_gateway.hpp>
#include <officer/integrations/postgres/connection_pool.hpp>

namespace officer::integrations::local {

/// Officer's own calendar, kept in PostgreSQL (tables local_calendar_events and
/// local_busy_blocks): the default when nobody connected Google or Microsoft, and what local
/// mode uses. It is one calendar shared by everyone, so it sees every attendee (never
/// NotVisible). Attendee keys are whatever the caller uses (e-mails or user ids), compared
/// exactly. Safe to call from many threads; every method throws TransientError when the
/// database is unreachable.
class LocalCalendar final : public domain::CalendarGateway {
 public:
  explicit LocalCalendar(postgres::ConnectionPool& pool) : pool_(pool) {}

  /// For each attendee, in input order (duplicates answered twice): the occurrences overlapping
  /// `window` of every active event that lists them and that they have not declined, plus
  /// their busy blocks overlapping `window`; each interval whole (not clipped to the window),
  /// sorted by start. One query for the events, one for the blocks.
  std::vector<domain::AttendeeAvailability> FreeBusy(const domain::UserId& owner,
                                                     const std::vector<std::string>& attendees,
                                                     const domain::Interval& window) override;
  /// Stores the event, active, with attendees event.attendee_emails plus `owner`'s id when not
  /// listed (duplicates dropped); returns its new id ("ev-" and 32 hex digits). Not idempotent.
  /// Throws PermanentError for an unknown zone, no days, an invalid start or a duration outside
  /// 1..1440 minutes.
  domain::CreatedCalendarEvent CreateRecurringEvent(const domain::UserId& owner,
                                                    const domain::RecurringEvent& event) override;
  /// Marks the event cancelled; a missing or already cancelled event is fine. Idempotent.
  void DeleteEvent(const domain::UserId& owner, const std::string& event_id) override;
  /// Records `person`'s answer (keyed by their id), replacing an earlier one; an unknown event
  /// is ignored. Concurrent answers by different people are all kept.
  void Respond(const domain::UserId& person, const std::string& event_id,
               domain::CalendarResponse response) override;
  /// Active, or Cancelled for a cancelled or unknown event.
  domain::CalendarEventStatus EventStatus(const domain::UserId& owner,
                                          const std::string& event_id) override;

  /// Puts a one-off appointment on `attendee`'s calendar: they are busy during `busy`.
  /// Throws PermanentError when `busy` is empty (end not after start).
  void AddBusyBlock(const std::string& attendee, const domain::Interval& busy,
                    const std::string& title);
  /// The answers recorded for the event, by attendee key; empty for an unknown event.
  std::map<std::string, domain::CalendarResponse> Responses(const std::string& event_id);

 private:
  postgres::ConnectionPool& pool_;
};

}  // namespace officer::integrations::local
