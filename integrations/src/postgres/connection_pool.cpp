#include <officer/integrations/postgres/connection_pool.hpp>

namespace officer::integrations::postgres {

ConnectionPool::ConnectionPool(std::string url, std::size_t size,
                               std::chrono::milliseconds acquire_timeout)
    : url_(WithConnectTimeout(url, 3)), size_(size), acquire_timeout_(acquire_timeout) {}

std::string ConnectionPool::WithConnectTimeout(const std::string& url, int seconds) {
  if (url.find("connect_timeout") != std::string::npos) return url;
  const std::string setting = "connect_timeout=" + std::to_string(seconds);
  if (url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0) {
    return url + (url.find('?') == std::string::npos ? "?" : "&") + setting;
  }
  return url + " " + setting;
}

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> connection)
    : pool_(&pool), connection_(std::move(connection)) {}

ConnectionPool::Lease::~Lease() {
  if (pool_ != nullptr) pool_->Return(std::move(connection_));
}

std::unique_ptr<pqxx::connection> ConnectionPool::Connect() {
  try {
    auto connection = std::make_unique<pqxx::connection>(url_);
    pqxx::nontransaction quiet(*connection);
    quiet.exec("SET client_min_messages TO WARNING");
    return connection;
  } catch (const pqxx::broken_connection& error) {
    throw TransientError(std::string("database unreachable: ") + error.what());
  }
}

ConnectionPool::Lease ConnectionPool::Acquire() {
  std::unique_lock lock(mutex_);
  const bool available = returned_.wait_for(lock, acquire_timeout_,
                                            [this] { return !idle_.empty() || open_ < size_; });
  if (!available) throw TransientError("every database connection stayed busy");
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(connection));
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(*this, Connect());
  } catch (...) {
    std::lock_guard relock(mutex_);
    --open_;
    returned_.notify_one();
    throw;
  }
}

void ConnectionPool::Return(std::unique_ptr<pqxx::connection> connection) {
  std::lock_guard lock(mutex_);
  if (connection && connection->is_open()) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
  }
  returned_.notify_one();
}

bool ConnectionPool::Ping() noexcept {
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      Run([](pqxx::connection& connection) {
        pqxx::nontransaction query(connection);
        query.exec("SELECT 1");
      });
      return true;
    } catch (const std::exception&) {
      // A pooled connection may have died with the old server; the second try opens a new one.
    }
  }
  return false;
}

}  // namespace officer::integrations::postgres
