#pragma once

#include <optional>
#include <vector>

#include <officer/domain/effects.hpp>
#include <officer/domain/ids.hpp>
#include <officer/domain/person_preferences.hpp>
#include <officer/domain/person_record.hpp>
#include <officer/domain/standup_meeting.hpp>

namespace officer::domain {

enum class SaveOutcome {
  Saved,            ///< stored; the stored version is now meeting.version
  VersionConflict,  ///< someone saved first: reload, re-apply the operation, save again
};

/// Where standups and people's preferences live. Failures throw TransientError.
class MeetingRepository {
 public:
  MeetingRepository() = default;
  MeetingRepository(const MeetingRepository&) = delete;
  MeetingRepository& operator=(const MeetingRepository&) = delete;
  virtual ~MeetingRepository() = default;

  /// The meeting with this id, or nullopt.
  virtual std::optional<StandupMeeting> Load(const MeetingId& id) = 0;
  /// Meetings of the workspace where `user` is organizer or participant, active first.
  virtual std::vector<StandupMeeting> ListForPerson(const WorkspaceId& workspace,
                                                    const UserId& user) = 0;
  /// Stores `meeting` if the stored version equals `expected_version` (0: must not exist yet),
  /// and queues `effects` in the same transaction, so a crash loses neither or both.
  virtual SaveOutcome Save(const StandupMeeting& meeting, int expected_version,
                           const Effects& effects) = 0;
  /// A person's preferences; defaults (nothing chosen) when they never set any.
  virtual PersonPreferences LoadPreferences(const WorkspaceId& workspace, const UserId& user) = 0;
  /// Remembers the workspace and what the chat platform says about these people; keeps their
  /// preferences.
  virtual void RememberPeople(const WorkspaceId& workspace,
                              const std::vector<PersonRecord>& people) = 0;
  /// Stores a person's preferences, replacing what was there, and queues `effects` with them.
  virtual void SavePreferences(const WorkspaceId& workspace, const PersonPreferences& prefs,
                               const Effects& effects) = 0;
};

}  // namespace officer::domain
