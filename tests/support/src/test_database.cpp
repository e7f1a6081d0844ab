#include <officer/testing/test_database.hpp>

#include <atomic>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <variant>

#include <pqxx/pqxx>

#include <officer/integrations/postgres/migrator.hpp>

namespace officer::testing {

namespace {

std::string AdminUrl() {
  const char* url = std::getenv("OFFICER_TEST_ADMIN_URL");
  if (url == nullptr || *url == '\0') {
    throw std::runtime_error(
        "OFFICER_TEST_ADMIN_URL is not set: run the tests through `deploy/dev test`");
  }
  return url;
}

std::string UniqueName() {
  static std::atomic<int> counter{0};
  std::random_device random;
  return "t_" + std::to_string(random() % 1000000) + "_" + std::to_string(++counter);
}

}  // namespace

std::string TestDatabase::UrlFor(const std::string& database) {
  std::string url = AdminUrl();
  const auto slash = url.rfind('/');
  const auto query = url.find('?', slash);
  return url.substr(0, slash + 1) + database +
         (query == std::string::npos ? "" : url.substr(query));
}

TestDatabase::TestDatabase(bool migrate) : name_(UniqueName()), url_(UrlFor(name_)) {
  pqxx::connection admin(AdminUrl());
  pqxx::nontransaction(admin).exec("CREATE DATABASE " + admin.quote_name(name_));
  if (migrate) {
    pqxx::connection connection(url_);
    pqxx::nontransaction(connection).exec("SET client_min_messages TO WARNING");
    auto outcome =
        integrations::postgres::Migrate(connection, integrations::postgres::EmbeddedMigrations());
    if (std::holds_alternative<integrations::postgres::MigrationsRefused>(outcome)) {
      throw std::runtime_error("migrating the test database was refused");
    }
  }
}

TestDatabase::~TestDatabase() {
  try {
    pqxx::connection admin(AdminUrl());
    pqxx::nontransaction(admin).exec("DROP DATABASE IF EXISTS " + admin.quote_name(name_) +
                                     " WITH (FORCE)");
  } catch (const std::exception&) {
    // deploy/dev drops the whole test cluster database afterwards anyway.
  }
}

std::vector<std::string> TestDatabase::QueuedEffectTypes() const {
  pqxx::connection connection(url_);
  pqxx::read_transaction tx(connection);
  std::vector<std::string> types;
  for (const auto& row :
       tx.exec("SELECT payload->>'type' FROM jobs WHERE kind = 'effect' ORDER BY id")) {
    types.push_back(row[0].as<std::string>());
  }
  return types;
}

std::map<std::string, std::string> TestDatabase::ParticipantStatuses(
    const std::string& meeting) const {
  pqxx::connection connection(url_);
  pqxx::read_transaction tx(connection);
  std::map<std::string, std::string> out;
  for (const auto& row :
       tx.exec_params("SELECT user_id, status FROM participants WHERE meeting_id = $1", meeting)) {
    out[row[0].as<std::string>()] = row[1].as<std::string>();
  }
  return out;
}

}  // namespace officer::testing
