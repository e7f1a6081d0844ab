#pragma once

#include <map>
#include <string>
#include <vector>

namespace officer::testing {

/// A fresh, migrated database for one test, dropped when the object goes away. Needs the
/// OFFICER_TEST_ADMIN_URL that `deploy/dev test` exports; without it the test fails loudly.
class TestDatabase {
 public:
  explicit TestDatabase(bool migrate = true);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& Url() const { return url_; }
  const std::string& Name() const { return name_; }

  /// The admin URL with its database name replaced by `database`.
  static std::string UrlFor(const std::string& database);

  /// The type of every queued effect job ("post_meeting_message", …), oldest first.
  std::vector<std::string> QueuedEffectTypes() const;
  /// Each participant's stored status ("accepted", "busy", …) by user id.
  std::map<std::string, std::string> ParticipantStatuses(const std::string& meeting) const;

 private:
  std::string name_;
  std::string url_;
};

}  // namespace officer::testing
