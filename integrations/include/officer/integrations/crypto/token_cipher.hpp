#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <officer/integrations/crypto/secret_key.hpp>

namespace officer::integrations::crypto {

/// Why a blob did not decrypt. None of them carries any of the plaintext.
enum class DecryptError {
  kMalformed,   ///< not "v1:<key id>:<nonce>:<ciphertext+tag>"
  kUnknownKey,  ///< written under a key this cipher does not hold
  kTampered,    ///< authentication failed: changed blob, wrong key or wrong associated data
};

/// "malformed", "unknown key", "tampered".
std::string_view DecryptErrorName(DecryptError error);

/// The plaintext, or why there is none.
using Decrypted = std::variant<std::string, DecryptError>;

/// AES-256-GCM for secrets at rest (OAuth tokens, bot tokens). Every encryption uses a fresh
/// random 12-byte nonce and writes a self-describing blob:
///
///     v1:<key id>:<base64 nonce>:<base64 ciphertext and 16-byte tag>
///
/// where the key id is SecretKey::Id(). Decryption picks the key by that id among the current
/// key and the previous ones, so OFFICER_SECRET_KEY can rotate: keep the old key in the list
/// until every row is rewritten. The version and key id are authenticated with the ciphertext,
/// and so is the caller's associated data (e.g. which row and column the blob belongs to), which
/// must be passed again to decrypt. Immutable after construction: safe from any thread.
class TokenCipher {
 public:
  explicit TokenCipher(SecretKey current, std::vector<SecretKey> previous = {});

  /// Encrypts under the current key. Throws PermanentError only if OpenSSL fails.
  std::string Encrypt(std::string_view plaintext, std::string_view associated_data = {}) const;
  /// The plaintext, or kMalformed / kUnknownKey / kTampered.
  Decrypted Decrypt(std::string_view blob, std::string_view associated_data = {}) const;

  /// The current key's id, which Encrypt writes.
  const std::string& CurrentKeyId() const { return current_.Id(); }
  /// The key id named in a blob, or empty when the blob is malformed.
  static std::string KeyIdOf(std::string_view blob);

 private:
  const SecretKey* KeyFor(std::string_view key_id) const;

  SecretKey current_;
  std::vector<SecretKey> previous_;
};

}  // namespace officer::integrations::crypto
