#include <officer/bot/slack/url_form.hpp>

#include <algorithm>
#include <utility>

namespace officer::bot::slack {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

bool IsUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

void UrlForm::Add(std::string name, std::string value) {
  fields_.push_back(FormField{std::move(name), std::move(value)});
}

std::optional<std::string_view> UrlForm::Get(std::string_view name) const {
  const auto it = std::find_if(fields_.begin(), fields_.end(),
                               [name](const FormField& field) { return field.name == name; });
  if (it == fields_.end()) {
    return std::nullopt;
  }
  return std::string_view{it->value};
}

std::vector<std::string_view> UrlForm::GetAll(std::string_view name) const {
  std::vector<std::string_view> values;
  for (const auto& field : fields_) {
    if (field.name == name) {
      values.emplace_back(field.value);
    }
  }
  return values;
}

Expected<std::string, FormError> DecodeFormComponent(std::string_view text, std::size_t offset) {
  // Written through a pointer: a click's payload is kilobytes, and push_back's check of the
  // capacity on every byte was a measurable part of a click's time.
  std::string decoded(text.size(), '\0');
  char* out = decoded.data();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      *out++ = ' ';
    } else if (c == '%') {
      const int high = i + 1 < text.size() ? HexValue(text[i + 1]) : -1;
      const int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (high < 0 || low < 0) {
        const auto escape = text.substr(i, 3);
        return Unexpected{FormError{"malformed percent escape \"" + std::string{escape} +
                                        "\" at byte " + std::to_string(offset + i),
                                    offset + i}};
      }
      *out++ = static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      *out++ = c;
    }
  }
  decoded.resize(static_cast<std::size_t>(out - decoded.data()));
  return decoded;
}

Expected<UrlForm, FormError> DecodeForm(std::string_view body) {
  UrlForm form;
  std::size_t start = 0;
  while (start <= body.size()) {
    const std::size_t amp = std::min(body.find('&', start), body.size());
    const std::string_view pair = body.substr(start, amp - start);
    if (!pair.empty()) {
      const std::size_t eq = pair.find('=');
      const std::string_view raw_name = pair.substr(0, eq);
      const std::string_view raw_value =
          eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
      auto name = DecodeFormComponent(raw_name, start);
      if (!name) {
        return Unexpected{std::move(name).error()};
      }
      auto value = DecodeFormComponent(raw_value, start + raw_name.size() + 1);
      if (!value) {
        return Unexpected{std::move(value).error()};
      }
      form.Add(std::move(name).value(), std::move(value).value());
    }
    start = amp + 1;
  }
  return form;
}

std::string EncodeFormComponent(std::string_view text) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(text.size());
  for (const char c : text) {
    if (IsUnreserved(c)) {
      encoded.push_back(c);
    } else if (c == ' ') {
      encoded.push_back('+');
    } else {
      const auto byte = static_cast<unsigned char>(c);
      encoded.push_back('%');
      encoded.push_back(kHex[byte >> 4U]);
      encoded.push_back(kHex[byte & 0x0FU]);
    }
  }
  return encoded;
}

std::string EncodeForm(const UrlForm& form) {
  std::string body;
  for (const auto& field : form.Fields()) {
    if (!body.empty()) {
      body.push_back('&');
    }
    body += EncodeFormComponent(field.name);
    body.push_back('=');
    body += EncodeFormComponent(field.value);
  }
  return body;
}

}  // namespace officer::bot::slack
