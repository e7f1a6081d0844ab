#include <officer/bot/slack/payload.hpp>

#include <algorithm>
#include <array>
#include <utility>

#include <nlohmann/json.hpp>

namespace officer::bot::slack {
namespace {

using nlohmann::json;

// Reads fields out of untrusted JSON without throwing. Absent and null are the same; a present
// field of the wrong type records the first error, which the caller checks once at the end.
class Reader {
 public:
  std::optional<std::string> String(const json& object, const char* key, std::string_view path) {
    const json* field = Find(object, key);
    if (field == nullptr) {
      return std::nullopt;
    }
    if (!field->is_string()) {
      Fail("field " + std::string{path} + " must be a string");
      return std::nullopt;
    }
    return field->get<std::string>();
  }

  std::string RequiredString(const json& object, const char* key, std::string_view path) {
    auto value = String(object, key, path);
    if (!value) {
      Fail("missing field " + std::string{path});
      return {};
    }
    return std::move(*value);
  }

  const json* Object(const json& object, const char* key, std::string_view path) {
    const json* field = Find(object, key);
    if (field != nullptr && !field->is_object()) {
      Fail("field " + std::string{path} + " must be an object");
      return nullptr;
    }
    return field;
  }

  const json* Array(const json& object, const char* key, std::string_view path) {
    const json* field = Find(object, key);
    if (field != nullptr && !field->is_array()) {
      Fail("field " + std::string{path} + " must be an array");
      return nullptr;
    }
    return field;
  }

  std::vector<std::string> StringArray(const json& object, const char* key, std::string_view path) {
    std::vector<std::string> values;
    const json* array = Array(object, key, path);
    if (array == nullptr) {
      return values;
    }
    for (const auto& item : *array) {
      if (!item.is_string()) {
        Fail("field " + std::string{path} + " must be an array of strings");
        return {};
      }
      values.push_back(item.get<std::string>());
    }
    return values;
  }

  // Options are {"text": {...}, "value": "..."}; only the value matters to us.
  std::optional<std::string> OptionValue(const json& option, std::string_view path) {
    if (!option.is_object()) {
      Fail("field " + std::string{path} + " must be an object");
      return std::nullopt;
    }
    return String(option, "value", std::string{path} + ".value");
  }

  void Fail(std::string message) {
    if (!error_) {
      error_ = std::move(message);
    }
  }

  const std::optional<std::string>& Error() const { return error_; }

 private:
  static const json* Find(const json& object, const char* key) {
    if (!object.is_object()) {
      return nullptr;
    }
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      return nullptr;
    }
    return &*it;
  }

  std::optional<std::string> error_;
};

std::string Join(std::string_view a, std::string_view b) {
  return std::string{a} + "." + std::string{b};
}

void ReadElementValue(Reader& reader, const json& element, std::string_view path,
                      ElementValue& out) {
  out.type = reader.String(element, "type", Join(path, "type")).value_or("");
  out.value = reader.String(element, "value", Join(path, "value"));
  out.selected_time = reader.String(element, "selected_time", Join(path, "selected_time"));
  out.selected_date = reader.String(element, "selected_date", Join(path, "selected_date"));
  out.selected_user = reader.String(element, "selected_user", Join(path, "selected_user"));
  out.selected_conversation =
      reader.String(element, "selected_conversation", Join(path, "selected_conversation"));
  out.selected_channel = reader.String(element, "selected_channel", Join(path, "selected_channel"));
  out.selected_users = reader.StringArray(element, "selected_users", Join(path, "selected_users"));
  out.selected_conversations =
      reader.StringArray(element, "selected_conversations", Join(path, "selected_conversations"));
  out.selected_channels =
      reader.StringArray(element, "selected_channels", Join(path, "selected_channels"));

  const std::string option_path = Join(path, "selected_option");
  if (const json* option = reader.Object(element, "selected_option", option_path)) {
    out.selected_option = reader.OptionValue(*option, option_path);
  }
  const std::string options_path = Join(path, "selected_options");
  if (const json* options = reader.Array(element, "selected_options", options_path)) {
    for (const auto& option : *options) {
      if (auto value = reader.OptionValue(option, options_path + "[]")) {
        out.selected_options.push_back(std::move(*value));
      }
    }
  }
}

// team.id, else user.team_id: Slack puts the workspace in either depending on the surface.
std::string TeamId(Reader& reader, const json& payload, const json* user) {
  if (const json* team = reader.Object(payload, "team", "team")) {
    if (auto id = reader.String(*team, "id", "team.id"); id && !id->empty()) {
      return std::move(*id);
    }
  }
  if (user != nullptr) {
    if (auto id = reader.String(*user, "team_id", "user.team_id"); id && !id->empty()) {
      return std::move(*id);
    }
  }
  return {};
}

BlockActions ReadBlockActions(Reader& reader, const json& payload) {
  BlockActions out;
  const json* user = reader.Object(payload, "user", "user");
  if (user == nullptr) {
    reader.Fail("missing field user");
    return out;
  }
  out.user_id = reader.RequiredString(*user, "id", "user.id");
  out.user_name = reader.String(*user, "username", "user.username")
                      .value_or(reader.String(*user, "name", "user.name").value_or(""));
  out.team_id = TeamId(reader, payload, user);
  out.trigger_id = reader.String(payload, "trigger_id", "trigger_id").value_or("");
  out.response_url = reader.String(payload, "response_url", "response_url").value_or("");

  const json* container = reader.Object(payload, "container", "container");
  if (container != nullptr) {
    out.message_ts = reader.String(*container, "message_ts", "container.message_ts").value_or("");
  }
  if (const json* channel = reader.Object(payload, "channel", "channel")) {
    out.channel_id = reader.String(*channel, "id", "channel.id").value_or("");
  }
  if (out.channel_id.empty() && container != nullptr) {
    out.channel_id = reader.String(*container, "channel_id", "container.channel_id").value_or("");
  }
  if (const json* view = reader.Object(payload, "view", "view")) {
    out.view_id = reader.String(*view, "id", "view.id").value_or("");
  }

  const json* actions = reader.Array(payload, "actions", "actions");
  if (actions == nullptr || actions->empty()) {
    reader.Fail("missing field actions");
    return out;
  }
  const json& first = actions->front();
  if (!first.is_object()) {
    reader.Fail("field actions[0] must be an object");
    return out;
  }
  ReadElementValue(reader, first, "actions[0]", out.action);
  out.action.action_id = reader.RequiredString(first, "action_id", "actions[0].action_id");
  out.action.block_id = reader.String(first, "block_id", "actions[0].block_id").value_or("");
  if (out.team_id.empty()) {
    reader.Fail("missing field team.id");
  }
  return out;
}

ViewSubmission ReadViewSubmission(Reader& reader, const json& payload) {
  ViewSubmission out;
  const json* user = reader.Object(payload, "user", "user");
  if (user == nullptr) {
    reader.Fail("missing field user");
    return out;
  }
  out.user_id = reader.RequiredString(*user, "id", "user.id");
  out.user_name = reader.String(*user, "username", "user.username")
                      .value_or(reader.String(*user, "name", "user.name").value_or(""));
  out.team_id = TeamId(reader, payload, user);
  out.trigger_id = reader.String(payload, "trigger_id", "trigger_id").value_or("");

  const json* view = reader.Object(payload, "view", "view");
  if (view == nullptr) {
    reader.Fail("missing field view");
    return out;
  }
  out.view_id = reader.String(*view, "id", "view.id").value_or("");
  out.callback_id = reader.RequiredString(*view, "callback_id", "view.callback_id");
  out.private_metadata =
      reader.String(*view, "private_metadata", "view.private_metadata").value_or("");
  out.hash = reader.String(*view, "hash", "view.hash").value_or("");
  if (out.team_id.empty()) {
    out.team_id = reader.String(*view, "team_id", "view.team_id").value_or("");
  }

  if (const json* state = reader.Object(*view, "state", "view.state")) {
    if (const json* values = reader.Object(*state, "values", "view.state.values")) {
      for (const auto& [block_id, block] : values->items()) {
        const std::string block_path = "view.state.values." + block_id;
        if (!block.is_object()) {
          reader.Fail("field " + block_path + " must be an object");
          break;
        }
        auto& block_values = out.state.values[block_id];
        for (const auto& [action_id, element] : block.items()) {
          const std::string element_path = Join(block_path, action_id);
          if (!element.is_object()) {
            reader.Fail("field " + element_path + " must be an object");
            break;
          }
          ReadElementValue(reader, element, element_path, block_values[action_id]);
        }
      }
    }
  }

  if (const json* urls = reader.Array(payload, "response_urls", "response_urls")) {
    if (!urls->empty()) {
      out.response_url =
          reader.String(urls->front(), "response_url", "response_urls[0].response_url")
              .value_or("");
    }
  }
  if (out.team_id.empty()) {
    reader.Fail("missing field team.id");
  }
  return out;
}

// The top-level fields ReadInteraction looks at.
bool IsReadAtTopLevel(std::string_view key) {
  static constexpr std::array<std::string_view, 10> kRead{
      "type",    "user", "team",    "trigger_id", "response_url",
      "channel", "view", "actions", "container",  "response_urls"};
  return std::find(kRead.begin(), kRead.end(), key) != kRead.end();
}

// Parses a payload into a document of only the top-level fields ReadInteraction reads. A click's
// payload also carries the whole message the button is on, with every block, and the state of
// each input: those values are still checked as JSON, but not built into a document only to be
// thrown away, which was most of a click's parsing time.
class ReadFieldsOnly {
 public:
  explicit ReadFieldsOnly(json& result) : builder_(result, false) {}

  bool null() { return Skipping() ? SkippedScalar() : builder_.null(); }
  bool boolean(bool value) { return Skipping() ? SkippedScalar() : builder_.boolean(value); }
  bool number_integer(json::number_integer_t value) {
    return Skipping() ? SkippedScalar() : builder_.number_integer(value);
  }
  bool number_unsigned(json::number_unsigned_t value) {
    return Skipping() ? SkippedScalar() : builder_.number_unsigned(value);
  }
  bool number_float(json::number_float_t value, const json::string_t& text) {
    return Skipping() ? SkippedScalar() : builder_.number_float(value, text);
  }
  bool string(json::string_t& value) {
    return Skipping() ? SkippedScalar() : builder_.string(value);
  }
  bool binary(json::binary_t& value) {
    return Skipping() ? SkippedScalar() : builder_.binary(value);
  }
  bool start_object(std::size_t size) {
    ++depth_;
    return Skipping() || builder_.start_object(size);
  }
  bool start_array(std::size_t size) {
    ++depth_;
    return Skipping() || builder_.start_array(size);
  }
  bool end_object() { return Skipping() ? SkippedEnd() : (--depth_, builder_.end_object()); }
  bool end_array() { return Skipping() ? SkippedEnd() : (--depth_, builder_.end_array()); }
  bool key(json::string_t& name) {
    if (Skipping()) return true;
    if (depth_ == 1 && !IsReadAtTopLevel(name)) {
      skip_from_ = depth_;  // until this key's value ends
      return true;
    }
    return builder_.key(name);
  }
  template <typename Exception>
  bool parse_error(std::size_t position, const std::string& token, const Exception& error) {
    return builder_.parse_error(position, token, error);
  }

 private:
  bool Skipping() const { return skip_from_ != 0; }
  // A skipped value ends with a scalar at the skipped key's depth, or when its container closes.
  bool SkippedScalar() {
    if (depth_ == skip_from_) skip_from_ = 0;
    return true;
  }
  bool SkippedEnd() {
    if (--depth_ == skip_from_) skip_from_ = 0;
    return true;
  }

  nlohmann::detail::json_sax_dom_parser<json> builder_;
  int depth_ = 0;
  int skip_from_ = 0;  ///< the depth of the object whose skipped key is being read; 0: none
};

Expected<Interaction, PayloadError> ReadInteraction(const json& payload) {
  if (!payload.is_object()) {
    return Unexpected{PayloadError{"payload must be a JSON object"}};
  }
  Reader reader;
  const std::string type = reader.RequiredString(payload, "type", "type");
  if (reader.Error()) {
    return Unexpected{PayloadError{*reader.Error()}};
  }
  Interaction interaction;
  if (type == "block_actions") {
    interaction = ReadBlockActions(reader, payload);
  } else if (type == "view_submission") {
    interaction = ReadViewSubmission(reader, payload);
  } else {
    return Unexpected{PayloadError{"unsupported interaction type \"" + type + "\""}};
  }
  if (reader.Error()) {
    return Unexpected{PayloadError{*reader.Error()}};
  }
  return interaction;
}

}  // namespace

const ElementValue* ViewState::Find(std::string_view block_id, std::string_view action_id) const {
  const auto block = values.find(block_id);
  if (block == values.end()) {
    return nullptr;
  }
  const auto element = block->second.find(action_id);
  return element == block->second.end() ? nullptr : &element->second;
}

Expected<SlashCommandRequest, PayloadError> ParseSlashCommand(const UrlForm& form) {
  const auto field = [&form](std::string_view name) {
    return std::string{form.Get(name).value_or("")};
  };
  for (const std::string_view required : {"team_id", "channel_id", "user_id", "command"}) {
    if (form.Get(required).value_or("").empty()) {
      return Unexpected{PayloadError{"missing field " + std::string{required}}};
    }
  }
  SlashCommandRequest out;
  out.team_id = field("team_id");
  out.channel_id = field("channel_id");
  out.user_id = field("user_id");
  out.command = field("command");
  out.text = field("text");
  out.user_name = field("user_name");
  out.response_url = field("response_url");
  out.trigger_id = field("trigger_id");
  out.team_domain = field("team_domain");
  out.channel_name = field("channel_name");
  out.enterprise_id = field("enterprise_id");
  out.api_app_id = field("api_app_id");
  out.is_enterprise_install = form.Get("is_enterprise_install") == "true";
  return out;
}

bool IsSslCheck(const UrlForm& form) { return form.Get("ssl_check") == "1"; }

Expected<Interaction, PayloadError> ParseInteraction(std::string_view payload_json) {
  json payload;
  ReadFieldsOnly reader(payload);
  if (!json::sax_parse(payload_json, &reader)) {
    return Unexpected{PayloadError{"payload is not valid JSON"}};
  }
  try {
    return ReadInteraction(payload);
  } catch (const json::exception& error) {
    // The reader checks every type first; this is only a backstop for a missed case.
    return Unexpected{PayloadError{std::string{"malformed payload: "} + error.what()}};
  }
}

Expected<Interaction, PayloadError> ParseInteractionForm(const UrlForm& form) {
  const auto payload = form.Get("payload");
  if (!payload) {
    return Unexpected{PayloadError{"missing field payload"}};
  }
  return ParseInteraction(*payload);
}

}  // namespace officer::bot::slack
