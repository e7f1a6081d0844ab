#pragma once

#include <officer/domain/ports/meeting_repository.hpp>
#include <officer/integrations/postgres/connection_pool.hpp>

namespace officer::integrations::postgres {

/// Standups, participants, agenda and preferences in PostgreSQL. A save writes the meeting and
/// queues its effects as jobs in one transaction (the outbox).
class PgMeetingRepository final : public domain::MeetingRepository {
 public:
  explicit PgMeetingRepository(ConnectionPool& pool) : pool_(pool) {}

  std::optional<domain::StandupMeeting> Load(const domain::MeetingId& id) override;
  std::vector<domain::StandupMeeting> ListForPerson(const domain::WorkspaceId& workspace,
                                                    const domain::UserId& user) override;
  domain::SaveOutcome Save(const domain::StandupMeeting& meeting, int expected_version,
                           const domain::Effects& effects) override;
  void RememberPeople(const domain::WorkspaceId& workspace,
                      const std::vector<domain::PersonRecord>& people) override;
  domain::PersonPreferences LoadPreferences(const domain::WorkspaceId& workspace,
                                            const domain::UserId& user) override;
  void SavePreferences(const domain::WorkspaceId& workspace,
                       const domain::PersonPreferences& preferences,
                       const domain::Effects& effects) override;

  /// Every active meeting (for the reminder planner).
  std::vector<domain::StandupMeeting> ListActive();

 private:
  ConnectionPool& pool_;
};

/// Queues effects as jobs inside an open transaction.
void QueueEffects(pqxx::work& transaction, const domain::Effects& effects);

}  // namespace officer::integrations::postgres
