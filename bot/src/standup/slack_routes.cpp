#include <officer/bot/standup/slack_routes.hpp>

#include <nlohmann/json.hpp>

#include <officer/bot/slack/payload.hpp>
#include <officer/bot/slack/signature.hpp>
#include <officer/bot/slack/url_form.hpp>
#include <officer/bot/standup/replies.hpp>
#include <officer/domain/errors.hpp>

namespace officer::bot::standup {

namespace {

constexpr const char* kForm = "application/x-www-form-urlencoded";

// A string field of an object, or "" when it is absent or not a string.
std::string StringAt(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

// Slack sends app_home_opened for each tab of the app; only the Home tab shows Officer's view.
bool IsHomeOpened(const nlohmann::json& envelope) {
  if (envelope["type"] != "event_callback" || !envelope.contains("event")) return false;
  const auto& event = envelope["event"];
  if (StringAt(event, "type") != "app_home_opened") return false;
  const auto tab = StringAt(event, "tab");
  return tab.empty() || tab == "home";
}

std::string EphemeralJson(const SlackPost& post) {
  nlohmann::json body = {{"response_type", "ephemeral"}, {"text", post.text}};
  if (post.blocks_json != "[]") {
    auto blocks = nlohmann::json::parse(post.blocks_json, nullptr, false);
    if (!blocks.is_discarded() && blocks.is_array() && !blocks.empty()) body["blocks"] = blocks;
  }
  return body.dump();
}

OutboundResponse Ephemeral(const SlackPost& post) {
  // The same answer comes back again and again (help, usage after a mistake); each thread keeps
  // the last one it rendered instead of escaping the same kilobyte of text into JSON every time.
  struct Rendered {
    SlackPost post;
    std::string json;
  };
  thread_local Rendered last;
  if (last.json.empty() || post.text != last.post.text ||
      post.blocks_json != last.post.blocks_json) {
    last = Rendered{post, EphemeralJson(post)};
  }
  return JsonResponse(last.json);
}

OutboundResponse EmptyOk() { return OutboundResponse{200, "text/plain", "", {}}; }

// Checks Slack's signature; returns a 401 to send back, or nullopt when the request is genuine.
std::optional<OutboundResponse> Unverified(const std::string& secret, const InboundRequest& request,
                                           const domain::Clock& clock, spdlog::logger& logger) {
  const auto result = slack::VerifySlackSignature(
      secret, request.Header("x-slack-request-timestamp").value_or(""),
      request.Header("x-slack-signature").value_or(""), request.body, clock.Now());
  if (result == slack::VerificationResult::kValid) return std::nullopt;
  logger.warn("rejected {} {}: signature check failed ({})", request.method, request.path,
              slack::ToString(result));
  return JsonError(401, "invalid_signature",
                   "This request is not signed by Slack with this app's signing secret, or its "
                   "timestamp is more than 5 minutes off.");
}

}  // namespace

void AddSlackRoutes(Dispatcher& dispatcher, std::string signing_secret, const domain::Clock& clock,
                    StandupService& service, std::shared_ptr<spdlog::logger> logger) {
  dispatcher.Add(
      "POST", "/slack/commands",
      [=, &clock, &service](const InboundRequest& request, const RouteParams&) {
        auto form = slack::DecodeForm(request.body);
        // Slack's SSL probe carries no payload and no signature; nothing else in it is read.
        if (form && slack::IsSslCheck(*form)) return EmptyOk();
        if (auto rejected = Unverified(signing_secret, request, clock, *logger)) return *rejected;
        if (!form)
          return JsonError(400, "bad_form", "The form body is malformed: " + form.error().message);
        auto command = slack::ParseSlashCommand(*form);
        if (!command) return JsonError(400, "bad_command", command.error().message);
        try {
          return Ephemeral(service.HandleCommand(*command));
        } catch (const TransientError& error) {
          logger->warn("slash command from {} not handled: {}", command->user_id, error.what());
          return Ephemeral(SlackPost{TryAgainShortlyText(), "[]"});
        }
      },
      {kForm});

  dispatcher.Add(
      "POST", "/slack/interactions",
      [=, &clock, &service](const InboundRequest& request, const RouteParams&) {
        if (auto rejected = Unverified(signing_secret, request, clock, *logger)) return *rejected;
        auto form = slack::DecodeForm(request.body);
        if (!form)
          return JsonError(400, "bad_form", "The form body is malformed: " + form.error().message);
        auto interaction = slack::ParseInteractionForm(*form);
        if (!interaction) return JsonError(400, "bad_payload", interaction.error().message);
        if (const auto* click = std::get_if<slack::BlockActions>(&*interaction)) {
          // The ack costs one insert; a job worker applies the click right after.
          try {
            service.QueueClick(*click);
          } catch (const TransientError& error) {
            logger->warn("click by {} not queued: {}", click->user_id, error.what());
            return JsonError(503, "unavailable",
                             "Officer could not record this click because its database is out of "
                             "reach; click again in a moment.");
          }
          return EmptyOk();
        }
        const auto errors = service.HandleModal(std::get<slack::ViewSubmission>(*interaction));
        if (errors.empty()) return EmptyOk();
        return JsonResponse(
            nlohmann::json{{"response_action", "errors"}, {"errors", errors}}.dump());
      },
      {kForm});

  dispatcher.Add(
      "POST", "/slack/events",
      [=, &clock, &service](const InboundRequest& request, const RouteParams&) {
        if (auto rejected = Unverified(signing_secret, request, clock, *logger)) return *rejected;
        const auto event = nlohmann::json::parse(request.body, nullptr, false);
        if (event.is_discarded() || !event.is_object() || !event.contains("type") ||
            !event["type"].is_string()) {
          return JsonError(400, "bad_event", "The body is not a Slack event envelope.");
        }
        if (event["type"] == "url_verification") {
          if (!event.contains("challenge") || !event["challenge"].is_string()) {
            return JsonError(400, "bad_event", "url_verification needs a challenge string.");
          }
          return JsonResponse(nlohmann::json{{"challenge", event["challenge"]}}.dump());
        }
        if (IsHomeOpened(event)) {
          const std::string team = StringAt(event, "team_id");
          const std::string user = StringAt(event["event"], "user");
          if (team.empty() || user.empty()) {
            return JsonError(400, "bad_event", "app_home_opened needs team_id and event.user.");
          }
          try {
            service.QueueHome(team, user, StringAt(event, "event_id"));
          } catch (const TransientError& error) {
            // Slack retries an event that is not acknowledged with 2xx.
            logger->warn("home tab of {} not queued: {}", user, error.what());
            return JsonError(503, "unavailable",
                             "Officer's database is out of reach; Slack will retry.");
          }
        }
        // Other events need no answer beyond the acknowledgement.
        return EmptyOk();
      },
      {"application/json"});
}

void AddLocalMessagesRoute(Dispatcher& dispatcher, std::string signing_secret,
                           const domain::Clock& clock,
                           std::function<std::string(long long after)> messages_after) {
  dispatcher.Add("GET", "/local/messages",
                 [=, &clock](const InboundRequest& request, const RouteParams&) {
                   const auto result = slack::VerifySlackSignature(
                       signing_secret, request.Header("x-slack-request-timestamp").value_or(""),
                       request.Header("x-slack-signature").value_or(""), "", clock.Now());
                   if (result != slack::VerificationResult::kValid) {
                     return JsonError(401, "invalid_signature",
                                      "Sign this request with local mode's signing secret.");
                   }
                   long long after = 0;
                   try {
                     after = std::stoll(request.QueryParam("after").value_or("0"));
                   } catch (const std::exception&) {
                     return JsonError(400, "bad_after", "after must be a message id number.");
                   }
                   return JsonResponse(messages_after(after));
                 });
}

}  // namespace officer::bot::standup
