#include <officer/integrations/oauth/credential_store.hpp>

#include <spdlog/logger.h>

#include <officer/integrations/oauth/reconnect_needed.hpp>

namespace officer::integrations::oauth {

namespace {

constexpr std::string_view kColumns =
    "access_token_enc, refresh_token_enc, extract(epoch FROM expires_at)::bigint, scope, status,"
    " key_id";

constexpr std::string_view kWhereKey =
    " WHERE workspace_id = $1 AND user_id = $2 AND provider = $3";

constexpr std::string_view kUpsert =
    "INSERT INTO credentials (workspace_id, user_id, provider, access_token_enc,"
    " refresh_token_enc, expires_at, scope, key_id, status)"
    " VALUES ($1, $2, $3, $4, $5, to_timestamp($6), $7, $8, 'active')"
    " ON CONFLICT (workspace_id, user_id, provider) DO UPDATE SET"
    " access_token_enc = EXCLUDED.access_token_enc, refresh_token_enc = EXCLUDED.refresh_token_enc,"
    " expires_at = EXCLUDED.expires_at, scope = EXCLUDED.scope, key_id = EXCLUDED.key_id,"
    " status = 'active', updated_at = now()";

constexpr std::string_view kReplaceTokens =
    "UPDATE credentials SET access_token_enc = $4, refresh_token_enc = $5,"
    " expires_at = to_timestamp($6), scope = $7, key_id = $8, status = 'active',"
    " updated_at = now()";

constexpr std::string_view kMarkNeedsReconnect =
    "UPDATE credentials SET status = 'needs_reconnect', updated_at = now()";

std::string Sql(std::string_view head, std::string_view tail = {}) {
  std::string sql(head);
  sql += kWhereKey;
  sql += tail;
  return sql;
}

std::string SelectSql(std::string_view tail = {}) {
  return Sql("SELECT " + std::string(kColumns) + " FROM credentials", tail);
}

long long Epoch(date::sys_seconds instant) { return instant.time_since_epoch().count(); }

struct Row {
  std::string access_enc;
  std::optional<std::string> refresh_enc;
  date::sys_seconds expires_at;
  std::string scope;
  CredentialStatus status = CredentialStatus::kActive;
  std::string key_id;
};

Row ReadRow(const pqxx::row& row) {
  Row out;
  out.access_enc = row[0].as<std::string>();
  if (!row[1].is_null()) out.refresh_enc = row[1].as<std::string>();
  out.expires_at = date::sys_seconds{std::chrono::seconds{row[2].as<long long>()}};
  out.scope = row[3].as<std::string>();
  out.status = row[4].as<std::string>() == "needs_reconnect" ? CredentialStatus::kNeedsReconnect
                                                             : CredentialStatus::kActive;
  out.key_id = row[5].as<std::string>();
  return out;
}

}  // namespace

CredentialStore::CredentialStore(postgres::ConnectionPool& pool, const crypto::TokenCipher& cipher,
                                 std::shared_ptr<spdlog::logger> logger)
    : pool_(pool),
      cipher_(cipher),
      logger_(logger ? std::move(logger) : std::make_shared<spdlog::logger>("credentials")) {}

std::string CredentialStore::Seal(const CredentialKey& key, std::string_view column,
                                  std::string_view plaintext) const {
  std::string associated = key.workspace.value();
  associated += '\0';
  associated += key.user.value();
  associated += '\0';
  associated += key.provider;
  associated += '\0';
  associated += column;
  return cipher_.Encrypt(plaintext, associated);
}

std::string CredentialStore::Open(const CredentialKey& key, std::string_view column,
                                  std::string_view blob) const {
  std::string associated = key.workspace.value();
  associated += '\0';
  associated += key.user.value();
  associated += '\0';
  associated += key.provider;
  associated += '\0';
  associated += column;
  auto decrypted = cipher_.Decrypt(blob, associated);
  if (auto* error = std::get_if<crypto::DecryptError>(&decrypted)) {
    logger_->error("stored {} credential of {} in {} does not decrypt ({}, key id {})",
                   key.provider, key.user.value(), key.workspace.value(),
                   crypto::DecryptErrorName(*error), crypto::TokenCipher::KeyIdOf(blob));
    throw ReconnectNeeded(key.provider);
  }
  return std::move(std::get<std::string>(decrypted));
}

void CredentialStore::Save(const CredentialKey& key, const TokenSet& tokens) {
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    std::optional<std::string> refresh = tokens.refresh_token;
    if (!refresh) {
      const auto rows =
          tx.exec_params(Sql("SELECT refresh_token_enc FROM credentials", " FOR UPDATE"),
                         key.workspace.value(), key.user.value(), key.provider);
      if (!rows.empty() && !rows[0][0].is_null()) {
        try {
          refresh = Open(key, "refresh", rows[0][0].as<std::string>());
        } catch (const ReconnectNeeded&) {
          // The new grant stands on its own; the unreadable old refresh token is dropped.
        }
      }
    }
    std::optional<std::string> refresh_enc;
    if (refresh) refresh_enc = Seal(key, "refresh", *refresh);
    tx.exec_params(std::string(kUpsert), key.workspace.value(), key.user.value(), key.provider,
                   Seal(key, "access", tokens.access_token), refresh_enc, Epoch(tokens.expires_at),
                   tokens.scope, cipher_.CurrentKeyId());
    tx.commit();
  });
}

std::optional<Credential> CredentialStore::Find(const CredentialKey& key) {
  auto row = pool_.Run([&](pqxx::connection& connection) -> std::optional<Row> {
    pqxx::read_transaction tx(connection);
    const auto rows =
        tx.exec_params(SelectSql(), key.workspace.value(), key.user.value(), key.provider);
    if (rows.empty()) return std::nullopt;
    return ReadRow(rows[0]);
  });
  if (!row) return std::nullopt;
  Credential credential{key,          Open(key, "access", row->access_enc),
                        std::nullopt, row->expires_at,
                        row->scope,   row->status,
                        row->key_id};
  if (row->refresh_enc) credential.refresh_token = Open(key, "refresh", *row->refresh_enc);
  return credential;
}

std::optional<CredentialStatus> CredentialStore::StatusOf(const CredentialKey& key) {
  return pool_.Run([&](pqxx::connection& connection) -> std::optional<CredentialStatus> {
    pqxx::read_transaction tx(connection);
    const auto rows = tx.exec_params(Sql("SELECT status FROM credentials"), key.workspace.value(),
                                     key.user.value(), key.provider);
    if (rows.empty()) return std::nullopt;
    return rows[0][0].as<std::string>() == "needs_reconnect" ? CredentialStatus::kNeedsReconnect
                                                             : CredentialStatus::kActive;
  });
}

namespace {

std::vector<std::pair<CredentialKey, CredentialStatus>> ReadConnections(const pqxx::result& rows) {
  std::vector<std::pair<CredentialKey, CredentialStatus>> out;
  for (const auto& row : rows) {
    out.emplace_back(
        CredentialKey{domain::WorkspaceId(row[0].as<std::string>()),
                      domain::UserId(row[1].as<std::string>()), row[2].as<std::string>()},
        row[3].as<std::string>() == "needs_reconnect" ? CredentialStatus::kNeedsReconnect
                                                      : CredentialStatus::kActive);
  }
  return out;
}

constexpr std::string_view kConnectionsOfUser =
    "SELECT workspace_id, user_id, provider, status FROM credentials WHERE user_id = $1"
    " ORDER BY updated_at DESC, workspace_id";

constexpr std::string_view kConnectionsOfEmail =
    "SELECT c.workspace_id, c.user_id, c.provider, c.status FROM credentials c"
    " JOIN people p ON p.workspace_id = c.workspace_id AND p.user_id = c.user_id"
    " WHERE lower(p.email) = lower($1) AND p.email <> ''"
    " ORDER BY c.updated_at DESC, c.workspace_id";

}  // namespace

std::vector<std::pair<CredentialKey, CredentialStatus>> CredentialStore::ConnectionsOf(
    const domain::UserId& user) {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::read_transaction tx(connection);
    return ReadConnections(tx.exec_params(std::string(kConnectionsOfUser), user.value()));
  });
}

std::vector<std::pair<CredentialKey, CredentialStatus>> CredentialStore::ConnectionsOfEmail(
    std::string_view email) {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::read_transaction tx(connection);
    return ReadConnections(tx.exec_params(std::string(kConnectionsOfEmail), std::string(email)));
  });
}

bool CredentialStore::Remove(const CredentialKey& key) {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    const auto result = tx.exec_params(Sql("DELETE FROM credentials"), key.workspace.value(),
                                       key.user.value(), key.provider);
    tx.commit();
    return result.affected_rows() > 0;
  });
}

std::optional<Credential> CredentialStore::Update(
    const CredentialKey& key, const std::function<CredentialChange(const Credential&)>& decide) {
  return pool_.Run([&](pqxx::connection& connection) -> std::optional<Credential> {
    pqxx::work tx(connection);
    const auto rows = tx.exec_params(SelectSql(" FOR UPDATE"), key.workspace.value(),
                                     key.user.value(), key.provider);
    if (rows.empty()) return std::nullopt;
    const Row row = ReadRow(rows[0]);
    Credential credential{key,          Open(key, "access", row.access_enc),
                          std::nullopt, row.expires_at,
                          row.scope,    row.status,
                          row.key_id};
    if (row.refresh_enc) credential.refresh_token = Open(key, "refresh", *row.refresh_enc);

    const CredentialChange change = decide(credential);
    if (const auto* replace = std::get_if<ReplaceTokens>(&change)) {
      const TokenSet& tokens = replace->tokens;
      if (tokens.refresh_token) credential.refresh_token = tokens.refresh_token;
      if (!tokens.scope.empty()) credential.scope = tokens.scope;
      credential.access_token = tokens.access_token;
      credential.expires_at = tokens.expires_at;
      credential.status = CredentialStatus::kActive;
      credential.key_id = cipher_.CurrentKeyId();
      std::optional<std::string> refresh_enc;
      if (credential.refresh_token) refresh_enc = Seal(key, "refresh", *credential.refresh_token);
      tx.exec_params(Sql(kReplaceTokens), key.workspace.value(), key.user.value(), key.provider,
                     Seal(key, "access", credential.access_token), refresh_enc,
                     Epoch(credential.expires_at), credential.scope, credential.key_id);
    } else if (std::holds_alternative<MarkNeedsReconnect>(change)) {
      credential.status = CredentialStatus::kNeedsReconnect;
      tx.exec_params(Sql(kMarkNeedsReconnect), key.workspace.value(), key.user.value(),
                     key.provider);
    }
    tx.commit();
    return credential;
  });
}

}  // namespace officer::integrations::oauth
