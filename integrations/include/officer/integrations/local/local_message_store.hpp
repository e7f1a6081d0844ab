#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <officer/integrations/postgres/connection_pool.hpp>

namespace officer::integrations::local {

/// One message the bot would have sent to Slack, as local mode keeps it.
struct LocalMessage {
  long long id = 0;  ///< increases with every message kept
  std::string workspace;
  std::string channel;  ///< "D-<user>" for a direct message
  std::string ts;       ///< Slack-style, e.g. "1764150000.000123"; for an update, the
                        ///< ts of the message it replaces
  std::string kind;     ///< "post", "update", "direct" or "ephemeral"
  std::string user;     ///< recipient of a direct or ephemeral message; else empty
  std::string text;
  std::string blocks_json;  ///< Block Kit array as JSON text; empty for none
  friend bool operator==(const LocalMessage&, const LocalMessage&) = default;
};

/// What local mode would have posted to Slack, in the table local_messages, for `officer say`
/// to print. Safe to call from many threads and processes; every method throws TransientError
/// when the database is unreachable. blocks_json must be valid JSON or empty.
class LocalMessageStore {
 public:
  explicit LocalMessageStore(postgres::ConnectionPool& pool) : pool_(pool) {}

  /// Keeps a channel message; returns its new ts, unique even across concurrent callers.
  std::string Post(const std::string& workspace, const std::string& channel,
                   const std::string& text, const std::string& blocks_json);
  /// Keeps a new version of the message `ts` (a row of kind "update" carrying that ts).
  void Update(const std::string& workspace, const std::string& channel, const std::string& ts,
              const std::string& text, const std::string& blocks_json);
  /// Keeps a direct message to `user`, in channel "D-<user>".
  void Direct(const std::string& workspace, const std::string& user, const std::string& text,
              const std::string& blocks_json);
  /// Keeps a message in `channel` only `user` would see.
  void Ephemeral(const std::string& workspace, const std::string& channel, const std::string& user,
                 const std::string& text, const std::string& blocks_json);

  /// At most `limit` messages with id greater than `after_id`, in id order.
  std::vector<LocalMessage> Since(long long after_id, std::size_t limit);
  /// The id of the newest message kept; 0 when there is none.
  long long LastId();
  /// Jobs pending or running that are due within two seconds: while this is above zero the
  /// bot has not finished reacting to what it was told.
  long PendingJobs();

 private:
  postgres::ConnectionPool& pool_;
};

}  // namespace officer::integrations::local
