#include <officer/bot/standup/book_job.hpp>

#include <stdexcept>

#include <openssl/rand.h>
#include <nlohmann/json.hpp>

namespace officer::bot::standup {

namespace {

using nlohmann::json;

json LocationJson(const slack::Location& location) {
  if (const auto* video = std::get_if<slack::VideoLocation>(&location)) {
    return json{{"kind", "video"}, {"provider", slack::VideoProviderName(video->provider)}};
  }
  if (const auto* room = std::get_if<slack::RoomLocation>(&location)) {
    return json{{"kind", "room"}, {"name", room->name}};
  }
  return json{{"kind", "default"}};
}

slack::Location LocationFrom(const json& in) {
  const std::string kind = in.at("kind").get<std::string>();
  if (kind == "zoom") return slack::VideoLocation{slack::VideoProvider::kZoom};  // older jobs
  if (kind == "video") {
    const std::string provider = in.at("provider").get<std::string>();
    if (const auto known = slack::VideoProviderNamed(provider)) return slack::VideoLocation{*known};
    throw std::invalid_argument("unknown video provider " + provider);
  }
  if (kind == "room") return slack::RoomLocation{in.at("name").get<std::string>()};
  return slack::DefaultLocation{};
}

}  // namespace

std::string EncodeBookJob(const BookJob& job) {
  const auto& c = job.command;
  json command = {
      {"hour", c.hour},
      {"minute", c.minute},
      {"users", c.who.users},
      {"usergroups", c.who.usergroups},
      {"channels", c.who.channels},
      {"days", c.days},
      {"duration", c.duration_minutes},
      {"location", LocationJson(c.location)},
      {"title", c.title},
  };
  if (c.time_zone) command["tz"] = *c.time_zone;
  if (c.first_day) command["from"] = date::format("%F", date::sys_days(*c.first_day));
  return json{{"team", job.team},
              {"channel", job.channel},
              {"user", job.user},
              {"response_url", job.response_url},
              {"meeting_id", job.meeting_id},
              {"command", command}}
      .dump();
}

std::optional<BookJob> DecodeBookJob(const std::string& payload) {
  const json in = json::parse(payload, nullptr, false);
  if (in.is_discarded()) return std::nullopt;
  try {
    BookJob job;
    job.team = in.at("team").get<std::string>();
    job.channel = in.at("channel").get<std::string>();
    job.user = in.at("user").get<std::string>();
    job.response_url = in.at("response_url").get<std::string>();
    job.meeting_id = in.at("meeting_id").get<std::string>();
    const json& c = in.at("command");
    job.command.hour = c.at("hour").get<int>();
    job.command.minute = c.at("minute").get<int>();
    job.command.who.users = c.at("users").get<std::vector<std::string>>();
    job.command.who.usergroups = c.at("usergroups").get<std::vector<std::string>>();
    job.command.who.channels = c.at("channels").get<std::vector<std::string>>();
    job.command.days = c.at("days").get<slack::DaySet>();
    job.command.duration_minutes = c.at("duration").get<int>();
    job.command.location = LocationFrom(c.at("location"));
    job.command.title = c.at("title").get<std::string>();
    if (c.contains("tz")) job.command.time_zone = c.at("tz").get<std::string>();
    if (c.contains("from")) {
      const std::string text = c.at("from").get<std::string>();
      job.command.first_day = date::year{std::stoi(text.substr(0, 4))} /
                              date::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))} /
                              date::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))};
    }
    return job;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string NewMeetingId() {
  // Crockford-style alphabet: no 0/o or 1/l/i to misread.
  static constexpr char kAlphabet[] = "23456789abcdefghjkmnpqrstuvwxyz";
  unsigned char random[6];
  if (RAND_bytes(random, sizeof(random)) != 1) {
    throw std::runtime_error("the system random generator failed");
  }
  std::string id = "sd-";
  for (unsigned char byte : random) id.push_back(kAlphabet[byte % (sizeof(kAlphabet) - 1)]);
  return id;
}

}  // namespace officer::bot::standup
