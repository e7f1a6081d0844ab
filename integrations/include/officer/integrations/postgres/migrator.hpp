#pragma once

#include <string>
#include <variant>
#include <vector>

#include <pqxx/pqxx>

#include <officer/integrations/postgres/migration.hpp>

namespace officer::integrations::postgres {

struct MigrationsApplied {
  std::vector<std::string> applied;
  std::size_t already_applied = 0;
};

/// Why migrating stopped before changing anything: an applied file was edited, or the database
/// is ahead of this binary.
struct MigrationsRefused {
  std::string message;
};

/// Applies the migrations not yet recorded, each in its own transaction, in version order.
/// Safe when several processes migrate at once (they queue on an advisory lock).
std::variant<MigrationsApplied, MigrationsRefused> Migrate(
    pqxx::connection& connection, const std::vector<Migration>& migrations);

/// Lower-case hex SHA-256 of the file's text, recorded to notice edits after applying.
std::string MigrationChecksum(const std::string& sql);

}  // namespace officer::integrations::postgres
