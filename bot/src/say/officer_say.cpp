#include <officer/bot/say/officer_say.hpp>

#include <chrono>
#include <optional>
#include <random>
#include <thread>

#include <cpprest/http_client.h>
#include <nlohmann/json.hpp>

#include <officer/bot/render/blocks_to_text.hpp>
#include <officer/bot/slack/signature.hpp>
#include <officer/bot/slack/url_form.hpp>

namespace officer::bot::say {

namespace {

namespace http = web::http;
using nlohmann::json;

constexpr const char* kUsage =
    "usage: officer say --user U1 [--channel C1] [--team T1] \"/standup <text>\"\n"
    "       officer say --user U2 [--channel C1] --click accept|decline|cancel:<meeting-id>\n";

struct Options {
  std::string user;
  std::string channel = "C1";
  std::string team = "T1";
  std::string click;
  std::string text;
};

std::optional<Options> Parse(const std::vector<std::string>& args, std::ostream& err) {
  Options options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    std::optional<std::string> given;
    if (arg == "--user" && (given = value())) {
      options.user = *given;
    } else if (arg == "--channel" && (given = value())) {
      options.channel = *given;
    } else if (arg == "--team" && (given = value())) {
      options.team = *given;
    } else if (arg == "--click" && (given = value())) {
      options.click = *given;
    } else if (arg.rfind("--", 0) == 0) {
      err << "officer say: " << arg << " needs a value or is unknown\n" << kUsage;
      return std::nullopt;
    } else {
      options.text += (options.text.empty() ? "" : " ") + arg;
    }
  }
  if (options.user.empty() || (options.text.empty() == options.click.empty())) {
    err << kUsage;
    return std::nullopt;
  }
  return options;
}

std::string RandomDigits() {
  std::random_device random;
  return std::to_string(random()) + "." + std::to_string(random() % 1000000);
}

class Client {
 public:
  Client(const std::string& base_url, std::string secret, const domain::Clock& clock)
      : client_(web::uri(base_url), Config()), secret_(std::move(secret)), clock_(clock) {}

  json Send(const std::string& method, const std::string& path, const std::string& body,
            const std::string& content_type, int& status) {
    const auto timestamp = clock_.Now();
    http::http_request request(method);
    request.set_request_uri(web::uri(path));
    request.headers().add("X-Slack-Request-Timestamp",
                          std::to_string(timestamp.time_since_epoch().count()));
    request.headers().add("X-Slack-Signature", slack::SignSlackRequest(secret_, timestamp, body));
    if (!body.empty()) request.set_body(body, content_type);
    auto response = client_.request(request).get();
    status = response.status_code();
    const std::string text = response.extract_utf8string(true).get();
    if (text.empty()) return json::object();
    auto parsed = json::parse(text, nullptr, false);
    return parsed.is_discarded() ? json{{"text", text}} : parsed;
  }

 private:
  static http::client::http_client_config Config() {
    http::client::http_client_config config;
    config.set_timeout(std::chrono::seconds(10));
    return config;
  }
  http::client::http_client client_;
  std::string secret_;
  const domain::Clock& clock_;
};

void PrintMessage(const json& message, std::ostream& out) {
  const std::string kind = message.value("kind", "");
  const std::string channel = message.value("channel", "");
  const std::string user = message.value("user", "");
  if (kind == "post") {
    out << "\n── #" << channel << " · officer posted ──\n";
  } else if (kind == "update") {
    out << "\n── #" << channel << " · officer updated its message " << message.value("ts", "")
        << " ──\n";
  } else if (kind == "direct") {
    out << "\n── DM to @" << user << " ──\n";
  } else {
    out << "\n── #" << channel << " · only @" << user << " sees this ──\n";
  }
  const auto blocks = json::parse(message.value("blocks", ""), nullptr, false);
  if (!blocks.is_discarded() && blocks.is_array() && !blocks.empty()) {
    const std::string text = render::BlocksToText(blocks);
    out << text << (text.empty() || text.back() != '\n' ? "\n" : "");
  } else {
    out << message.value("text", "") << "\n";
  }
}

}  // namespace

int RunSay(const std::vector<std::string>& args, const std::string& base_url,
           const std::string& signing_secret, const domain::Clock& clock, std::ostream& out,
           std::ostream& err) {
  const auto options = Parse(args, err);
  if (!options) return 2;
  Client client(base_url, signing_secret, clock);
  try {
    int status = 0;
    auto before = client.Send("GET", "/local/messages?after=0", "", "", status);
    if (status == 404) {
      err << "officer say: the officer at " << base_url
          << " is not in local mode (it has SLACK_SIGNING_SECRET)\n";
      return 1;
    }
    if (status != 200) {
      err << "officer say: " << base_url << " answered " << status << ": "
          << before.value("message", "") << "\n";
      return 1;
    }
    long long last = before.value("last_id", 0LL);

    slack::UrlForm form;
    std::string path;
    if (options->click.empty()) {
      std::string text = options->text;
      std::string command = "/standup";
      if (!text.empty() && text.front() == '/') {
        const auto space = text.find(' ');
        command = text.substr(0, space);
        text = space == std::string::npos ? "" : text.substr(space + 1);
      }
      out << "@" << options->user << " in #" << options->channel << ": " << command << " " << text
          << "\n";
      for (const auto& [name, value] :
           std::vector<std::pair<std::string, std::string>>{{"token", "local"},
                                                            {"team_id", options->team},
                                                            {"team_domain", "local"},
                                                            {"channel_id", options->channel},
                                                            {"channel_name", options->channel},
                                                            {"user_id", options->user},
                                                            {"user_name", options->user},
                                                            {"command", command},
                                                            {"text", text},
                                                            {"response_url", ""},
                                                            {"trigger_id", RandomDigits()}}) {
        form.Add(name, value);
      }
      path = "/slack/commands";
    } else {
      const auto colon = options->click.find(':');
      if (colon == std::string::npos) {
        err << "officer say: --click takes accept:<id>, decline:<id> or cancel:<id>\n";
        return 2;
      }
      const std::string action = options->click.substr(0, colon);
      const std::string meeting = options->click.substr(colon + 1);
      out << "@" << options->user << " clicks " << action << " on " << meeting << "\n";
      const json payload = {
          {"type", "block_actions"},
          {"user",
           {{"id", options->user}, {"username", options->user}, {"team_id", options->team}}},
          {"team", {{"id", options->team}, {"domain", "local"}}},
          {"channel", {{"id", options->channel}, {"name", options->channel}}},
          {"container", {{"type", "message"}, {"channel_id", options->channel}}},
          {"trigger_id", RandomDigits()},
          {"response_url", ""},
          {"actions",
           {{{"action_id", "standup_" + action},
             {"block_id", "standup_actions"},
             {"type", "button"},
             {"value", meeting},
             {"action_ts", RandomDigits()}}}},
      };
      form.Add("payload", payload.dump());
      path = "/slack/interactions";
    }
    const auto reply = client.Send("POST", path, slack::EncodeForm(form),
                                   "application/x-www-form-urlencoded", status);
    if (status != 200) {
      err << "officer say: " << path << " answered " << status << ": "
          << reply.value("message", reply.dump()) << "\n";
      return 1;
    }
    if (reply.contains("text")) {
      out << "\n── only @" << options->user << " sees this ──\n";
      if (reply.contains("blocks")) {
        const std::string text = render::BlocksToText(reply["blocks"]);
        out << text << (text.empty() || text.back() != '\n' ? "\n" : "");
      } else {
        out << reply.value("text", "") << "\n";
      }
    }

    // Print what the bot posts as its queued work runs, until it has nothing left to do.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    int quiet_polls = 0;
    while (std::chrono::steady_clock::now() < deadline && quiet_polls < 3) {
      std::this_thread::sleep_for(std::chrono::milliseconds(150));
      auto page =
          client.Send("GET", "/local/messages?after=" + std::to_string(last), "", "", status);
      const auto& messages = page["messages"];
      for (const auto& message : messages) {
        PrintMessage(message, out);
        last = std::max(last, message.value("id", last));
      }
      quiet_polls = (messages.empty() && page.value("pending_jobs", 0L) == 0) ? quiet_polls + 1 : 0;
    }
    return 0;
  } catch (const std::exception& error) {
    err << "officer say: cannot reach officer at " << base_url << " (" << error.what()
        << "); start it with deploy/dev run\n";
    return 1;
  }
}

}  // namespace officer::bot::say
