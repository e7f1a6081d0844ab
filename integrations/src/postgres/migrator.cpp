#include <officer/integrations/postgres/migrator.hpp>

#include <map>

#include <openssl/evp.h>

namespace officer::integrations::postgres {

namespace {

// Any fixed number works; it only has to be the same in every officer process.
constexpr long long kMigrationLockKey = 0x0ff1ce5;

class AdvisoryLock {
 public:
  explicit AdvisoryLock(pqxx::connection& connection) : connection_(connection) {
    pqxx::nontransaction(connection_).exec_params("SELECT pg_advisory_lock($1)", kMigrationLockKey);
  }
  ~AdvisoryLock() {
    try {
      pqxx::nontransaction(connection_)
          .exec_params("SELECT pg_advisory_unlock($1)", kMigrationLockKey);
    } catch (const std::exception&) {
      // A lost connection releases the lock on the server by itself.
    }
  }
  AdvisoryLock(const AdvisoryLock&) = delete;
  AdvisoryLock& operator=(const AdvisoryLock&) = delete;

 private:
  pqxx::connection& connection_;
};

}  // namespace

std::string MigrationChecksum(const std::string& sql) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(sql.data(), sql.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xf]);
  }
  return hex;
}

std::variant<MigrationsApplied, MigrationsRefused> Migrate(
    pqxx::connection& connection, const std::vector<Migration>& migrations) {
  AdvisoryLock lock(connection);
  pqxx::nontransaction(connection)
      .exec(
          "CREATE TABLE IF NOT EXISTS schema_migrations ("
          " version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,"
          " applied_at timestamptz NOT NULL DEFAULT now())");

  std::map<int, std::pair<std::string, std::string>> recorded;
  {
    pqxx::read_transaction read(connection);
    for (const auto& row : read.exec("SELECT version, name, checksum FROM schema_migrations")) {
      recorded[row[0].as<int>()] = {row[1].as<std::string>(), row[2].as<std::string>()};
    }
  }

  std::map<int, const Migration*> known;
  for (const auto& migration : migrations) known[migration.version] = &migration;
  for (const auto& [version, entry] : recorded) {
    auto it = known.find(version);
    if (it == known.end()) {
      return MigrationsRefused{"the database has migration " + entry.first +
                               ", which this officer does not know; run a newer officer"};
    }
    if (MigrationChecksum(it->second->sql) != entry.second) {
      return MigrationsRefused{"migration " + it->second->name +
                               " was edited after it was applied; put the change in a new "
                               "migration file instead"};
    }
  }

  MigrationsApplied outcome;
  for (const auto& [version, migration] : known) {
    if (recorded.count(version) != 0) {
      ++outcome.already_applied;
      continue;
    }
    pqxx::work apply(connection);
    apply.exec(migration->sql);
    apply.exec_params("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                      version, migration->name, MigrationChecksum(migration->sql));
    apply.commit();
    outcome.applied.push_back(migration->name);
  }
  return outcome;
}

}  // namespace officer::integrations::postgres
