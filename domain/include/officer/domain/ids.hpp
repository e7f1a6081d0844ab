#pragma once

#include <compare>
#include <cstddef>
#include <functional>
#include <string>
#include <utility>

namespace officer::domain {

/// A string identifier that cannot be mixed up with an identifier of another kind.
template <class Tag>
class StrongId {
 public:
  StrongId() = default;
  explicit StrongId(std::string value) : value_(std::move(value)) {}

  /// The identifier as the outside world spells it.
  const std::string& value() const noexcept { return value_; }

  friend bool operator==(const StrongId&, const StrongId&) = default;
  friend std::strong_ordering operator<=>(const StrongId&, const StrongId&) = default;

 private:
  std::string value_;
};

/// A chat workspace (a Slack team or a Teams tenant).
using WorkspaceId = StrongId<struct WorkspaceIdTag>;
/// A person as the chat platform identifies them.
using UserId = StrongId<struct UserIdTag>;
/// A chat channel.
using ChannelId = StrongId<struct ChannelIdTag>;
/// A standup; a short string chosen by the caller, unique within Officer.
using MeetingId = StrongId<struct MeetingIdTag>;

}  // namespace officer::domain

template <class Tag>
struct std::hash<officer::domain::StrongId<Tag>> {
  std::size_t operator()(const officer::domain::StrongId<Tag>& id) const noexcept {
    return std::hash<std::string>{}(id.value());
  }
};
