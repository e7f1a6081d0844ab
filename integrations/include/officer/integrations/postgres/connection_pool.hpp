#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include <officer/domain/errors.hpp>

namespace officer::integrations::postgres {

/// A small pool of libpqxx connections; a connection is never shared between threads.
/// Connections are opened lazily and dropped when broken, so officer recovers by itself when
/// the database comes back.
class ConnectionPool {
 public:
  ConnectionPool(std::string url, std::size_t size,
                 std::chrono::milliseconds acquire_timeout = std::chrono::seconds(5));
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  /// A connection borrowed from the pool; returned (or dropped when broken) on destruction.
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> connection);
    Lease(Lease&&) = default;
    ~Lease();
    pqxx::connection& operator*() { return *connection_; }
    pqxx::connection* operator->() { return connection_.get(); }
    void Discard() { connection_.reset(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<pqxx::connection> connection_;
  };

  /// Borrows a connection. Throws TransientError when the database is unreachable or every
  /// connection stayed busy for the acquire timeout.
  Lease Acquire();

  /// Runs `work(pqxx::connection&)`; a lost connection becomes TransientError.
  template <typename Work>
  decltype(auto) Run(Work&& work) {
    Lease lease = Acquire();
    try {
      return work(*lease);
    } catch (const pqxx::broken_connection& error) {
      lease.Discard();
      throw TransientError(std::string("database connection lost: ") + error.what());
    }
  }

  /// True when a trivial query succeeds; tries a fresh connection once if a pooled one broke.
  bool Ping() noexcept;

  /// `url` with a connect timeout added, so a vanished server fails fast instead of hanging.
  static std::string WithConnectTimeout(const std::string& url, int seconds);

 private:
  void Return(std::unique_ptr<pqxx::connection> connection);
  std::unique_ptr<pqxx::connection> Connect();

  std::string url_;
  std::size_t size_;
  std::chrono::milliseconds acquire_timeout_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  std::size_t open_ = 0;
};

}  // namespace officer::integrations::postgres
