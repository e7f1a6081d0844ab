#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <officer/bot/slack/expected.hpp>
#include <officer/bot/slack/url_form.hpp>

namespace officer::bot::slack {

/// Why a Slack payload could not be understood. `message` names the field, e.g.
/// "missing field user_id" or "field user.id must be a string".
struct PayloadError {
  std::string message;
};

/// A slash command invocation (form-encoded POST to /slack/commands). Absent optional fields are
/// empty strings.
struct SlashCommandRequest {
  std::string team_id;     ///< required
  std::string channel_id;  ///< required
  std::string user_id;     ///< required
  std::string command;     ///< required, e.g. "/standup"
  std::string text;        ///< everything after the command; absent means empty
  std::string user_name;
  std::string response_url;
  std::string trigger_id;
  std::string team_domain;
  std::string channel_name;
  std::string enterprise_id;
  std::string api_app_id;
  bool is_enterprise_install = false;  ///< Slack sends the string "true"/"false"
};

/// Requires team_id, channel_id, user_id and command to be present and non-empty; the error names
/// the first one missing. Everything else is optional.
Expected<SlashCommandRequest, PayloadError> ParseSlashCommand(const UrlForm& form);

/// Slack's SSL probe (`ssl_check=1`): answer 200 with an empty body, without verifying or reading
/// any other field.
bool IsSslCheck(const UrlForm& form);

/// The value an interactive element carries, in an action or in a view's state (bolt-js
/// ViewStateValue). Only the fields for the element's `type` are set; option selections are
/// reduced to the options' `value` strings.
struct ElementValue {
  std::string type;                                  ///< "button", "timepicker", ...
  std::optional<std::string> value;                  ///< button value, plain_text_input
  std::optional<std::string> selected_time;          ///< timepicker, "HH:mm"
  std::optional<std::string> selected_date;          ///< datepicker, "YYYY-MM-DD"
  std::optional<std::string> selected_user;          ///< users_select
  std::optional<std::string> selected_conversation;  ///< conversations_select
  std::optional<std::string> selected_channel;       ///< channels_select
  std::optional<std::string> selected_option;        ///< static_select, radio_buttons
  std::vector<std::string> selected_users;           ///< multi_users_select
  std::vector<std::string> selected_conversations;   ///< multi_conversations_select
  std::vector<std::string> selected_channels;        ///< multi_channels_select
  std::vector<std::string> selected_options;         ///< checkboxes, multi_static_select
};

/// One element that was used, e.g. a clicked button.
struct Action : ElementValue {
  std::string action_id;
  std::string block_id;
};

/// state.values: block_id -> action_id -> value.
struct ViewState {
  std::map<std::string, std::map<std::string, ElementValue, std::less<>>, std::less<>> values;

  /// The value of one input, or nullptr when that block/action is not in the state.
  const ElementValue* Find(std::string_view block_id, std::string_view action_id) const;
};

/// A button click or other element interaction in a message, the App Home or a modal.
struct BlockActions {
  std::string team_id;  ///< team.id, else user.team_id; required
  std::string user_id;  ///< required
  std::string user_name;
  std::string channel_id;    ///< channel.id, else container.channel_id; empty in App Home/modals
  std::string message_ts;    ///< container.message_ts; empty outside messages
  std::string response_url;  ///< empty outside messages
  std::string trigger_id;
  std::string view_id;  ///< set when the element is inside a modal or the Home tab
  Action action;        ///< actions[0]; at least one action with an action_id is required
};

/// A modal's submit button.
struct ViewSubmission {
  std::string team_id;  ///< team.id, else user.team_id, else view.team_id; required
  std::string user_id;  ///< required
  std::string user_name;
  std::string trigger_id;
  std::string view_id;
  std::string callback_id;  ///< required (may be empty only if Slack sends it empty)
  std::string private_metadata;
  std::string hash;
  std::string response_url;  ///< response_urls[0].response_url, when the modal asked for one
  ViewState state;
};

using Interaction = std::variant<BlockActions, ViewSubmission>;

/// Parses the JSON in an interaction's `payload` field. Invalid JSON, a missing required field, a
/// field of the wrong type or an unsupported `type` is an error value; never throws.
Expected<Interaction, PayloadError> ParseInteraction(std::string_view payload_json);

/// Same, reading the `payload` field of the decoded form body.
Expected<Interaction, PayloadError> ParseInteractionForm(const UrlForm& form);

}  // namespace officer::bot::slack
