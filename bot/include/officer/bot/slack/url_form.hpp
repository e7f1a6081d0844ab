#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <officer/bot/slack/expected.hpp>

namespace officer::bot::slack {

struct FormField {
  std::string name;
  std::string value;

  friend bool operator==(const FormField&, const FormField&) = default;
};

/// A decoded application/x-www-form-urlencoded body. Fields keep the order they arrived in and
/// duplicates are kept: `Get` answers the first occurrence, `GetAll` every one.
class UrlForm {
 public:
  UrlForm() = default;
  UrlForm(std::initializer_list<FormField> fields) : fields_(fields) {}

  void Add(std::string name, std::string value);

  /// The first value named `name`, or nullopt when absent. An empty value is present.
  std::optional<std::string_view> Get(std::string_view name) const;
  std::vector<std::string_view> GetAll(std::string_view name) const;
  bool Contains(std::string_view name) const { return Get(name).has_value(); }

  const std::vector<FormField>& Fields() const { return fields_; }
  std::size_t Size() const { return fields_.size(); }
  bool Empty() const { return fields_.empty(); }

  friend bool operator==(const UrlForm&, const UrlForm&) = default;

 private:
  std::vector<FormField> fields_;
};

struct FormError {
  std::string message;     ///< e.g. "malformed percent escape \"%4\" at byte 12"
  std::size_t offset = 0;  ///< byte offset into the body where decoding failed
};

/// Decodes a form body: '&'-separated pairs, '+' is a space, %XX is one byte (upper or lower
/// hex). A pair without '=' has an empty value; empty pairs ("a=1&&b=2") are skipped. A '%' not
/// followed by two hex digits is an error. Bytes are not checked for UTF-8 validity.
Expected<UrlForm, FormError> DecodeForm(std::string_view body);

/// Decodes one form component ('+' is a space). `offset` is added to the error position.
Expected<std::string, FormError> DecodeFormComponent(std::string_view text, std::size_t offset = 0);

/// Encodes one form component: unreserved ASCII (A-Z a-z 0-9 - . _ ~) is kept, a space becomes
/// '+', every other byte becomes %XX with uppercase hex.
std::string EncodeFormComponent(std::string_view text);

/// Encodes every field, in order, as name=value joined with '&'. DecodeForm(EncodeForm(f)) == f.
std::string EncodeForm(const UrlForm& form);

}  // namespace officer::bot::slack
