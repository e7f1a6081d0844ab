#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <date/date.h>

#include <officer/domain/ids.hpp>
#include <officer/integrations/crypto/token_cipher.hpp>
#include <officer/integrations/oauth/token_endpoint.hpp>
#include <officer/integrations/postgres/connection_pool.hpp>

namespace spdlog {
class logger;
}

namespace officer::integrations::oauth {

/// Whose connection to which provider.
struct CredentialKey {
  domain::WorkspaceId workspace;
  domain::UserId user;
  std::string provider;  ///< "google", "microsoft", "zoom"

  friend bool operator==(const CredentialKey&, const CredentialKey&) = default;
};

enum class CredentialStatus { kActive, kNeedsReconnect };

/// A connected account as stored, tokens decrypted. Holds secrets: never log it.
struct Credential {
  CredentialKey key;
  std::string access_token;
  std::optional<std::string> refresh_token;
  date::sys_seconds expires_at;
  std::string scope;
  CredentialStatus status = CredentialStatus::kActive;
  /// Id of the key the row was encrypted under (TokenCipher::CurrentKeyId() when written).
  std::string key_id;
};

/// CredentialStore::Update decisions.
struct KeepCredential {};
/// New tokens from a refresh; an absent refresh_token keeps the stored one, an empty scope the
/// stored scope. Sets the status back to active.
struct ReplaceTokens {
  TokenSet tokens;
};
struct MarkNeedsReconnect {};
using CredentialChange = std::variant<KeepCredential, ReplaceTokens, MarkNeedsReconnect>;

/// Per-person OAuth credentials in PostgreSQL (table credentials). Tokens are written only
/// encrypted (TokenCipher), each bound by its associated data to its row and column, and always
/// under the current key: every write re-encrypts both tokens, so rows migrate to a new key as
/// they are refreshed. A row that no longer decrypts (tampered, or its key was dropped) reads as
/// ReconnectNeeded. Safe from many threads; TransientError when the database is unreachable.
class CredentialStore {
 public:
  CredentialStore(postgres::ConnectionPool& pool, const crypto::TokenCipher& cipher,
                  std::shared_ptr<spdlog::logger> logger = nullptr);

  /// Stores the tokens of a (re)connected account, active; replaces an earlier row. Without a
  /// refresh token in `tokens`, a stored refresh token is kept.
  void Save(const CredentialKey& key, const TokenSet& tokens);
  /// The credential, or nullopt when the person never connected this provider.
  std::optional<Credential> Find(const CredentialKey& key);
  /// Whether a row exists and its status, without decrypting anything.
  std::optional<CredentialStatus> StatusOf(const CredentialKey& key);
  /// A person's connections across workspaces (the calendar ports know only a user id), most
  /// recently written first, with their status; nothing is decrypted. Slack user ids are unique
  /// across workspaces except in Enterprise Grid, where the latest connection wins.
  std::vector<std::pair<CredentialKey, CredentialStatus>> ConnectionsOf(const domain::UserId& user);
  /// The connections of whoever Officer knows by this e-mail (table people, case-insensitive),
  /// most recently written first.
  std::vector<std::pair<CredentialKey, CredentialStatus>> ConnectionsOfEmail(
      std::string_view email);
  /// Deletes the row (disconnect); true when there was one.
  bool Remove(const CredentialKey& key);

  /// Locks the row (SELECT ... FOR UPDATE) for as long as `decide` runs, then applies its
  /// decision with a single UPDATE in the same transaction and commits, so concurrent updates of
  /// one credential run one after another and a rotated refresh token is never lost. An
  /// exception from `decide` rolls back and propagates. Returns the credential as stored
  /// afterwards; nullopt (and `decide` not called) when there is no row.
  std::optional<Credential> Update(
      const CredentialKey& key, const std::function<CredentialChange(const Credential&)>& decide);

 private:
  std::string Seal(const CredentialKey& key, std::string_view column,
                   std::string_view plaintext) const;
  std::string Open(const CredentialKey& key, std::string_view column, std::string_view blob) const;

  postgres::ConnectionPool& pool_;
  const crypto::TokenCipher& cipher_;
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace officer::integrations::oauth
