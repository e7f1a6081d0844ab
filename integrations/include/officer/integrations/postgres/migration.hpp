#pragma once

#include <string>
#include <vector>

namespace officer::integrations::postgres {

/// One file of migrations/: `NNNN_name.sql`, applied in version order.
struct Migration {
  int version;
  std::string name;
  std::string sql;
};

/// The migrations compiled into this binary from migrations/*.sql, in version order.
const std::vector<Migration>& EmbeddedMigrations();

}  // namespace officer::integrations::postgres
