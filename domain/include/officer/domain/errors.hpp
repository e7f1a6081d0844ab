#pragma once

#include <stdexcept>
#include <string>

namespace officer {

/// Infrastructure failures. Errors a user can cause are values, never these.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Retrying later makes sense: timeouts, 5xx, a dropped database connection.
class TransientError : public Error {
 public:
  using Error::Error;
};

/// Retrying will not help: bad credentials, a revoked grant, a 4xx from a provider.
class PermanentError : public Error {
 public:
  using Error::Error;
};

}  // namespace officer
