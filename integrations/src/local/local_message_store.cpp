#include <officer/integrations/local/local_message_store.hpp>

#include <algorithm>
#include <limits>
#include <optional>
#include <string_view>

namespace officer::integrations::local {

namespace {

// A Slack-style ts: the current second, then six digits from a sequence, so two messages never
// share one (short of a million in the same second).
constexpr std::string_view kInsertNew =
    "INSERT INTO local_messages (workspace_id, channel_id, ts, kind, user_id, text, blocks)"
    " VALUES ($1, $2,"
    "   floor(extract(epoch FROM clock_timestamp()))::bigint::text || '.' ||"
    "   lpad((nextval('local_message_ts_seq') % 1000000)::text, 6, '0'),"
    "   $3, $4, $5, NULLIF($6, '')::jsonb)"
    " RETURNING ts";

constexpr std::string_view kInsertUpdate =
    "INSERT INTO local_messages (workspace_id, channel_id, ts, kind, user_id, text, blocks)"
    " VALUES ($1, $2, $3, 'update', NULL, $4, NULLIF($5, '')::jsonb)";

constexpr std::string_view kSelectSince =
    "SELECT id, workspace_id, channel_id, ts, kind, coalesce(user_id, ''), text,"
    " coalesce(blocks::text, '')"
    " FROM local_messages WHERE id > $1 ORDER BY id LIMIT $2";

constexpr std::string_view kSelectLastId = "SELECT coalesce(max(id), 0) FROM local_messages";

constexpr std::string_view kCountPendingJobs =
    "SELECT count(*) FROM jobs"
    " WHERE status IN ('pending', 'running') AND run_at <= now() + interval '2 seconds'";

std::string InsertNew(postgres::ConnectionPool& pool, const std::string& workspace,
                      const std::string& channel, const char* kind,
                      const std::optional<std::string>& user, const std::string& text,
                      const std::string& blocks_json) {
  return pool.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    const auto rows = tx.exec_params(std::string(kInsertNew), workspace, channel, std::string(kind),
                                     user, text, blocks_json);
    auto ts = rows[0][0].as<std::string>();
    tx.commit();
    return ts;
  });
}

}  // namespace

std::string LocalMessageStore::Post(const std::string& workspace, const std::string& channel,
                                    const std::string& text, const std::string& blocks_json) {
  return InsertNew(pool_, workspace, channel, "post", std::nullopt, text, blocks_json);
}

void LocalMessageStore::Update(const std::string& workspace, const std::string& channel,
                               const std::string& ts, const std::string& text,
                               const std::string& blocks_json) {
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    tx.exec_params(std::string(kInsertUpdate), workspace, channel, ts, text, blocks_json);
    tx.commit();
  });
}

void LocalMessageStore::Direct(const std::string& workspace, const std::string& user,
                               const std::string& text, const std::string& blocks_json) {
  InsertNew(pool_, workspace, "D-" + user, "direct", user, text, blocks_json);
}

void LocalMessageStore::Ephemeral(const std::string& workspace, const std::string& channel,
                                  const std::string& user, const std::string& text,
                                  const std::string& blocks_json) {
  InsertNew(pool_, workspace, channel, "ephemeral", user, text, blocks_json);
}

std::vector<LocalMessage> LocalMessageStore::Since(long long after_id, std::size_t limit) {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::read_transaction tx(connection);
    std::vector<LocalMessage> messages;
    const auto rows = tx.exec_params(std::string(kSelectSince), after_id,
                                     static_cast<long long>(std::min<std::size_t>(
                                         limit, std::numeric_limits<long long>::max())));
    messages.reserve(rows.size());
    for (const auto& row : rows) {
      messages.push_back(LocalMessage{row[0].as<long long>(), row[1].as<std::string>(),
                                      row[2].as<std::string>(), row[3].as<std::string>(),
                                      row[4].as<std::string>(), row[5].as<std::string>(),
                                      row[6].as<std::string>(), row[7].as<std::string>()});
    }
    return messages;
  });
}

long long LocalMessageStore::LastId() {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::read_transaction tx(connection);
    return tx.exec(std::string(kSelectLastId))[0][0].as<long long>();
  });
}

long LocalMessageStore::PendingJobs() {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::read_transaction tx(connection);
    return tx.exec(std::string(kCountPendingJobs))[0][0].as<long>();
  });
}

}  // namespace officer::integrations::local
