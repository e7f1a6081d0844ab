#include <officer/integrations/postgres/migrator.hpp>

#include <thread>
#include <variant>

#include <doctest/doctest.h>

#include <officer/testing/officer_process.hpp>
#include <officer/testing/test_database.hpp>

namespace {

namespace pg = officer::integrations::postgres;
using officer::testing::TestDatabase;

std::vector<pg::Migration> Sample() {
  return {{1, "0001_create_a.sql", "CREATE TABLE a (id int)"},
          {2, "0002_create_b.sql", "CREATE TABLE b (id int)"}};
}

long Count(pqxx::connection& connection, const std::string& sql) {
  pqxx::nontransaction query(connection);
  return query.exec(sql)[0][0].as<long>();
}

}  // namespace

TEST_SUITE("migrations") {
  TEST_CASE("the first run applies every migration in order and records it") {
    TestDatabase db(false);
    pqxx::connection connection(db.Url());
    auto outcome = pg::Migrate(connection, Sample());
    REQUIRE(std::holds_alternative<pg::MigrationsApplied>(outcome));
    CHECK(std::get<pg::MigrationsApplied>(outcome).applied ==
          std::vector<std::string>{"0001_create_a.sql", "0002_create_b.sql"});
    CHECK(Count(connection, "SELECT count(*) FROM schema_migrations") == 2);
    CHECK(Count(connection, "SELECT count(*) FROM b") == 0);
  }

  TEST_CASE("migrating twice changes nothing the second time") {
    TestDatabase db(false);
    pqxx::connection connection(db.Url());
    pg::Migrate(connection, Sample());
    auto again = pg::Migrate(connection, Sample());
    REQUIRE(std::holds_alternative<pg::MigrationsApplied>(again));
    CHECK(std::get<pg::MigrationsApplied>(again).applied.empty());
    CHECK(std::get<pg::MigrationsApplied>(again).already_applied == 2);
  }

  TEST_CASE("an applied migration that was edited is refused and nothing is applied") {
    TestDatabase db(false);
    pqxx::connection connection(db.Url());
    auto first = Sample();
    first.pop_back();
    pg::Migrate(connection, first);
    auto edited = Sample();
    edited[0].sql = "CREATE TABLE a (id bigint)";
    auto outcome = pg::Migrate(connection, edited);
    REQUIRE(std::holds_alternative<pg::MigrationsRefused>(outcome));
    CHECK(std::get<pg::MigrationsRefused>(outcome).message.find("0001_create_a.sql was edited") !=
          std::string::npos);
    CHECK(Count(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'b'") == 0);
  }

  TEST_CASE("a database ahead of this binary is refused") {
    TestDatabase db(false);
    pqxx::connection connection(db.Url());
    pg::Migrate(connection, Sample());
    auto outcome = pg::Migrate(connection, {Sample().front()});
    REQUIRE(std::holds_alternative<pg::MigrationsRefused>(outcome));
    CHECK(std::get<pg::MigrationsRefused>(outcome).message.find("0002_create_b.sql") !=
          std::string::npos);
  }

  TEST_CASE("a failing migration leaves no trace of itself") {
    TestDatabase db(false);
    pqxx::connection connection(db.Url());
    auto broken = Sample();
    broken[1].sql = "CREATE TABLE b (id int); SELECT no_such_function()";
    CHECK_THROWS(pg::Migrate(connection, broken));
    pqxx::connection fresh(db.Url());
    CHECK(Count(fresh, "SELECT count(*) FROM schema_migrations") == 1);
    CHECK(Count(fresh, "SELECT count(*) FROM pg_tables WHERE tablename = 'b'") == 0);
  }

  TEST_CASE("concurrent migrations apply each file exactly once") {
    TestDatabase db(false);
    std::vector<std::thread> threads;
    std::atomic<int> applied{0};
    for (int i = 0; i < 4; ++i) {
      threads.emplace_back([&] {
        pqxx::connection connection(db.Url());
        auto outcome = pg::Migrate(connection, pg::EmbeddedMigrations());
        applied += static_cast<int>(std::get<pg::MigrationsApplied>(outcome).applied.size());
      });
    }
    for (auto& thread : threads) thread.join();
    CHECK(applied == static_cast<int>(pg::EmbeddedMigrations().size()));
    pqxx::connection connection(db.Url());
    CHECK(Count(connection, "SELECT count(*) FROM schema_migrations") ==
          static_cast<long>(pg::EmbeddedMigrations().size()));
  }

  TEST_CASE("officer migrate run by two processes at once succeeds in both") {
    TestDatabase db(false);
    officer::testing::OfficerProcess first({"migrate"}, {{"DATABASE_URL", db.Url()}});
    officer::testing::OfficerProcess second({"migrate"}, {{"DATABASE_URL", db.Url()}});
    CHECK(first.Wait(std::chrono::seconds(60)) == 0);
    CHECK(second.Wait(std::chrono::seconds(60)) == 0);
    pqxx::connection connection(db.Url());
    CHECK(Count(connection, "SELECT count(*) FROM schema_migrations") ==
          static_cast<long>(pg::EmbeddedMigrations().size()));
  }

  TEST_CASE("officer migrate without a reachable database says so in one line") {
    auto [status, output] = officer::testing::RunOfficer(
        {"migrate"},
        {{"DATABASE_URL", "postgresql://officer@127.0.0.1:" +
                              std::to_string(officer::testing::FreePort()) + "/none"}});
    CHECK(status == 2);
    CHECK(output.find("cannot reach the database at DATABASE_URL") != std::string::npos);
  }
}
