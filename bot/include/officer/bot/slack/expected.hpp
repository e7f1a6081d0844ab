#pragma once

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace officer::bot::slack {

/// The error half of an Expected; spelled like C++23's std::unexpected so the pair can be swapped.
template <class E>
class Unexpected {
 public:
  explicit Unexpected(E error) : error_(std::move(error)) {}

  const E& error() const& { return error_; }
  E& error() & { return error_; }
  E&& error() && { return std::move(error_); }

 private:
  E error_;
};

template <class E>
Unexpected(E) -> Unexpected<E>;

/// A value or the reason there is none. A small, API-compatible subset of C++23 std::expected:
/// for outcomes a user can cause (bad input), never for infrastructure failures.
template <class T, class E>
class Expected {
 public:
  using value_type = T;
  using error_type = E;

  template <class U = T>
  requires std::is_constructible_v<T, U&&> Expected(
      U&& value)  // NOLINT(google-explicit-constructor): mirrors std::expected
      : storage_(std::in_place_index<0>, std::forward<U>(value)) {}

  template <class G>
  Expected(Unexpected<G> error)  // NOLINT(google-explicit-constructor)
      : storage_(std::in_place_index<1>, std::move(error).error()) {}

  bool has_value() const noexcept { return storage_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  const T& value() const& {
    assert(has_value());
    return std::get<0>(storage_);
  }
  T& value() & {
    assert(has_value());
    return std::get<0>(storage_);
  }
  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(storage_));
  }

  const E& error() const& {
    assert(!has_value());
    return std::get<1>(storage_);
  }
  E& error() & {
    assert(!has_value());
    return std::get<1>(storage_);
  }
  E&& error() && {
    assert(!has_value());
    return std::get<1>(std::move(storage_));
  }

  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  template <class U>
  T value_or(U&& fallback) const& {
    return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  std::variant<T, E> storage_;
};

}  // namespace officer::bot::slack
