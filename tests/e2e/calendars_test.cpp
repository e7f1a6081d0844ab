// Calendars, Zoom and connected accounts end to end: a real `officer serve` in Slack mode with
// fake Google Calendar, Microsoft Graph, Zoom and three OAuth token servers over real HTTP.
// Accounts are connected the way people connect them: `/standup connect …`, the start link, a
// code from the fake token server, the callback.
#include <set>
#include <thread>

#include <date/date.h>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <officer/bot/http/inbound_request.hpp>
#include <officer/fakes/fake_google_calendar.hpp>
#include <officer/fakes/fake_graph_calendar.hpp>
#include <officer/fakes/fake_oauth_token_server.hpp>
#include <officer/fakes/fake_slack_api.hpp>
#include <officer/fakes/fake_zoom_api.hpp>
#include <officer/integrations/http/http_types.hpp>
#include <officer/testing/http_call.hpp>
#include <officer/testing/officer_process.hpp>
#include <officer/testing/slack_requests.hpp>
#include <officer/testing/test_database.hpp>

namespace {

using namespace officer::testing;
using officer::fakes::FakeGoogleCalendar;
using officer::fakes::FakeGraphCalendar;
using officer::fakes::FakeOAuthTokenServer;
using officer::fakes::FakeSlackApi;
using officer::fakes::FakeSlackUser;
using officer::fakes::FakeZoomApi;

const std::string kSecret = "8f742231b10e8888abcd99yyyzzz85a5";
const std::string kToken(FakeSlackApi::kDefaultToken);
const std::string kPublicUrl = "https://officer.example.test";

template <typename Condition>
bool WaitFor(Condition condition, std::chrono::seconds timeout = std::chrono::seconds(20)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return condition();
}

FakeSlackUser Person(const std::string& id) {
  FakeSlackUser user;
  user.id = id;
  user.name = "user" + id;
  user.real_name = "Person " + id;
  user.display_name = "p" + id;
  user.email = id + "@acme.test";
  user.tz = "Europe/Berlin";
  return user;
}

std::string Email(const std::string& id) { return id + "@acme.test"; }

// The value of a query parameter in a URL, percent-decoded.
std::string QueryParamOf(const std::string& url, const std::string& name) {
  const auto question = url.find('?');
  if (question == std::string::npos) return {};
  std::string rest = url.substr(question + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string pair = rest.substr(0, amp);
    rest = amp == std::string::npos ? "" : rest.substr(amp + 1);
    const auto eq = pair.find('=');
    if (pair.substr(0, eq) != name) continue;
    return officer::bot::PercentDecode(eq == std::string::npos ? "" : pair.substr(eq + 1), true);
  }
  return {};
}

std::string PathAndQuery(const std::string& url) {
  const auto scheme = url.find("://");
  return url.substr(url.find('/', scheme + 3));
}

std::string Iso(date::sys_seconds instant) { return date::format("%FT%TZ", instant); }

struct CalendarWorld {
  TestDatabase db;
  FakeSlackApi slack;
  FakeGoogleCalendar google;
  FakeGraphCalendar graph;
  FakeZoomApi zoom;
  FakeOAuthTokenServer google_oauth;
  FakeOAuthTokenServer microsoft_oauth{FakeOAuthTokenServer::MicrosoftOptions()};
  FakeOAuthTokenServer zoom_oauth{FakeOAuthTokenServer::ZoomOptions()};
  OfficerProcess officer;
  int codes = 0;

  std::map<std::string, std::string> Env(std::map<std::string, std::string> extra) const {
    std::map<std::string, std::string> env = {
        {"DATABASE_URL", db.Url()},
        {"SLACK_SIGNING_SECRET", kSecret},
        {"OFFICER_SECRET_KEY", std::string(64, 'b')},
        {"OFFICER_PUBLIC_URL", kPublicUrl},
        {"SLACK_BOT_TOKEN", kToken},
        {"SLACK_API_BASE_URL", slack.BaseUrl()},
        {"GOOGLE_CLIENT_ID", "fake-client-id"},
        {"GOOGLE_CLIENT_SECRET", "fake-client-secret"},
        {"GOOGLE_API_BASE_URL", google.BaseUrl()},
        {"GOOGLE_OAUTH_BASE_URL", google_oauth.BaseUrl()},
        {"MS_CLIENT_ID", "fake-client-id"},
        {"MS_CLIENT_SECRET", "fake-client-secret"},
        {"MS_GRAPH_BASE_URL", graph.BaseUrl()},
        {"MS_LOGIN_BASE_URL", microsoft_oauth.BaseUrl()},
        {"ZOOM_CLIENT_ID", "fake-client-id"},
        {"ZOOM_CLIENT_SECRET", "fake-client-secret"},
        {"ZOOM_API_BASE_URL", zoom.BaseUrl()},
        {"ZOOM_OAUTH_BASE_URL", zoom_oauth.BaseUrl() + "/oauth"},
    };
    for (auto& [name, value] : extra) env[name] = value;
    return env;
  }

  explicit CalendarWorld(std::map<std::string, std::string> extra = {})
      : officer(OfficerProcess::Serve(Env(std::move(extra)))) {
    for (const char* id : {"U1", "U2", "U3", "U4", "U5"}) slack.AddUser(Person(id));
    slack.AddChannel("C1", {"U1", "U2", "U3", "U4"});
    google_oauth.OnAccessTokenIssued([this](const std::string& subject, const std::string& token) {
      google.AddAccessToken(token, subject);
    });
    microsoft_oauth.OnAccessTokenIssued(
        [this](const std::string& subject, const std::string& token) {
          graph.AddAccessToken(token, subject);
        });
    zoom_oauth.OnAccessTokenIssued([this](const std::string& subject, const std::string& token) {
      zoom.AddAccessToken(token, subject);
    });
  }

  HttpReply Command(const std::string& user, const std::string& text) {
    return PostSigned(officer.BaseUrl() + "/slack/commands", kSecret,
                      CommandBody("T1", "C1", user, text, slack.ResponseUrl("cmd-" + user),
                                  "trig-" + user + "-" + text + std::to_string(codes)));
  }

  HttpReply Click(const std::string& user, const std::string& action, const std::string& meeting) {
    return PostSigned(
        officer.BaseUrl() + "/slack/interactions", kSecret,
        ClickBody("T1", "C1", user, action, meeting, slack.ResponseUrl("click-" + user)));
  }

  FakeOAuthTokenServer& OAuthOf(const std::string& provider) {
    return provider == "google"      ? google_oauth
           : provider == "microsoft" ? microsoft_oauth
                                     : zoom_oauth;
  }

  // The link in `/standup connect <provider>`'s private answer.
  std::string ConnectLink(const std::string& user, const std::string& provider) {
    const auto reply = Command(user, "connect " + provider);
    REQUIRE(reply.status == 200);
    const std::string text = nlohmann::json::parse(reply.body).value("text", "");
    const auto start = text.find('<');
    const auto bar = text.find('|', start);
    REQUIRE(start != std::string::npos);
    REQUIRE(bar != std::string::npos);
    return text.substr(start + 1, bar - start - 1);
  }

  // Connects `user`'s account at `provider` as the person with `subject` there, through the
  // real start and callback routes.
  void Connect(const std::string& user, const std::string& provider, const std::string& subject) {
    const auto link = ConnectLink(user, provider);
    REQUIRE(link.rfind(kPublicUrl + "/oauth/" + provider + "/start?state=", 0) == 0);
    const auto start = HttpCall("GET", officer.BaseUrl() + PathAndQuery(link));
    REQUIRE(start.status == 302);
    const std::string location = start.headers.at("location");
    const std::string redirect = QueryParamOf(location, "redirect_uri");
    CHECK(redirect == kPublicUrl + "/oauth/" + provider + "/callback");
    CHECK(QueryParamOf(location, "code_challenge_method") == "S256");
    const std::string state = QueryParamOf(location, "state");
    const std::string code = "code-" + provider + "-" + std::to_string(++codes);
    OAuthOf(provider).AddAuthorizationCode(code, subject, redirect,
                                           QueryParamOf(location, "code_challenge"));
    const auto callback =
        HttpCall("GET", officer.BaseUrl() + "/oauth/" + provider + "/callback?code=" + code +
                            "&state=" + officer::integrations::http::PercentEncode(state));
    CAPTURE(callback.body);
    REQUIRE(callback.status == 200);
    CHECK(callback.body.find("Connected") != std::string::npos);
  }

  // Books as `organizer` and waits for the standup's message; returns the meeting id.
  std::string Book(const std::string& text, const std::string& organizer = "U1") {
    REQUIRE(Command(organizer, text).status == 200);
    const bool posted = WaitFor([&] { return !slack.MessagesIn("C1").empty(); });
    if (!posted) MESSAGE(officer.Output());
    REQUIRE(posted);
    const auto message = slack.MessagesIn("C1").front();
    for (const auto& block : message.blocks) {
      if (block.value("type", "") == "actions") return block["elements"][0]["value"];
    }
    return {};
  }

  std::map<std::string, std::string> Statuses(const std::string& meeting) {
    return db.ParticipantStatuses(meeting);
  }

  std::string Query(const std::string& sql) {
    pqxx::connection connection(db.Url());
    pqxx::read_transaction tx(connection);
    std::string out;
    for (const auto& row : tx.exec(sql)) {
      for (const auto& field : row)
        out += (field.is_null() ? "NULL" : field.c_str()) + std::string("|");
      out += "\n";
    }
    return out;
  }

  std::string DmText(const std::string& user) {
    const auto channel = slack.DmChannelOf(user);
    if (!channel) return {};
    std::string text;
    for (const auto& message : slack.MessagesIn(*channel))
      text += message.text + "\n" + message.blocks.dump();
    return text;
  }

  // Every token any fake endpoint issued (and the refresh tokens), checked against the log and
  // the database.
  void CheckNoTokenLeaks() {
    std::vector<std::string> secrets;
    for (auto* server : {&google_oauth, &microsoft_oauth, &zoom_oauth}) {
      for (const auto& token : server->IssuedAccessTokens()) secrets.push_back(token);
      for (const auto& request : server->TokenRequests()) {
        for (const char* field : {"refresh_token", "code", "code_verifier"}) {
          if (auto it = request.form.find(field); it != request.form.end()) {
            secrets.push_back(it->second);
          }
        }
      }
      for (const char* subject : {"U1@acme.test", "U2@acme.test", "U3@acme.test"}) {
        for (const auto& token : server->LiveRefreshTokens(subject)) secrets.push_back(token);
      }
    }
    const std::string log = officer.Output();
    const std::string dump = Query("SELECT * FROM credentials") +
                             Query("SELECT payload::text, coalesce(last_error, '') FROM jobs");
    CHECK(dump.find("v1:") != std::string::npos);  // the rows are there, encrypted
    for (const auto& secret : secrets) {
      CAPTURE(secret);
      CHECK(log.find(secret) == std::string::npos);
      CHECK(dump.find(secret) == std::string::npos);
    }
    CHECK(log.find("fake-client-secret") == std::string::npos);
  }
};

}  // namespace

TEST_SUITE("calendars") {
  TEST_CASE("connect answers privately with a link; the start page redirects to the provider") {
    CalendarWorld world;
    const auto link = world.ConnectLink("U1", "google");
    const auto start = HttpCall("GET", world.officer.BaseUrl() + PathAndQuery(link));
    REQUIRE(start.status == 302);
    const auto location = start.headers.at("location");
    CHECK(location.rfind("https://accounts.google.com/o/oauth2/v2/auth?", 0) == 0);
    CHECK(QueryParamOf(location, "access_type") == "offline");
    CHECK(QueryParamOf(location, "prompt") == "consent");
    CHECK(QueryParamOf(location, "client_id") == "fake-client-id");
    CHECK(QueryParamOf(location, "response_type") == "code");
    CHECK(QueryParamOf(location, "code_challenge").size() == 43);

    const auto ms = HttpCall(
        "GET", world.officer.BaseUrl() + PathAndQuery(world.ConnectLink("U1", "microsoft")));
    REQUIRE(ms.status == 302);
    const auto ms_location = ms.headers.at("location");
    CHECK(ms_location.rfind(world.microsoft_oauth.BaseUrl() + "/common/oauth2/v2.0/authorize?",
                            0) == 0);
    CHECK(QueryParamOf(ms_location, "scope").find("offline_access") != std::string::npos);
    CHECK(QueryParamOf(ms_location, "scope").find("Calendars.ReadWrite") != std::string::npos);

    const auto zoom =
        HttpCall("GET", world.officer.BaseUrl() + PathAndQuery(world.ConnectLink("U1", "zoom")));
    REQUIRE(zoom.status == 302);
    CHECK(zoom.headers.at("location").rfind(world.zoom_oauth.BaseUrl() + "/oauth/authorize?", 0) ==
          0);

    // A state for another provider, a changed state and no state are JSON errors.
    auto wrong = HttpCall(
        "GET", world.officer.BaseUrl() + "/oauth/zoom/start?state=" + QueryParamOf(link, "state"));
    CHECK(wrong.status == 400);
    CHECK(nlohmann::json::parse(wrong.body)["error"] == "invalid_state");
    auto tampered = HttpCall(
        "GET", world.officer.BaseUrl() +
                   "/oauth/google/callback?code=x&state=" + QueryParamOf(link, "state") + "x");
    CHECK(tampered.status == 400);
    CHECK(nlohmann::json::parse(tampered.body)["error"] == "invalid_state");
    auto missing = HttpCall("GET", world.officer.BaseUrl() + "/oauth/google/callback?code=x");
    CHECK(missing.status == 400);
    CHECK(nlohmann::json::parse(missing.body).contains("message"));
  }

  TEST_CASE("a provider without a client id says so privately") {
    TestDatabase db;
    FakeSlackApi slack;
    auto officer = OfficerProcess::Serve({{"DATABASE_URL", db.Url()},
                                          {"SLACK_SIGNING_SECRET", kSecret},
                                          {"OFFICER_SECRET_KEY", std::string(64, 'b')},
                                          {"SLACK_BOT_TOKEN", kToken},
                                          {"SLACK_API_BASE_URL", slack.BaseUrl()}});
    const auto reply =
        PostSigned(officer.BaseUrl() + "/slack/commands", kSecret,
                   CommandBody("T1", "C1", "U1", "connect zoom", slack.ResponseUrl("x"), "t1"));
    const auto body = nlohmann::json::parse(reply.body);
    CHECK(body["response_type"] == "ephemeral");
    CHECK(body["text"].get<std::string>().find("isn't set up") != std::string::npos);
    CHECK(HttpCall("GET", officer.BaseUrl() + "/oauth/zoom/start?state=x").status == 404);
  }

  TEST_CASE("busy on Google, invisible, and free on Microsoft: message, DMs and event say so") {
    CalendarWorld world;
    world.Connect("U1", "google", Email("U1"));
    world.Connect("U3", "microsoft", Email("U3"));
    const auto now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    world.google.SetBusy(Email("U2"), {{Iso(now - date::days(1)), Iso(now + date::days(30))}});
    world.google.MakeInvisible(Email("U3"));
    world.google.MakeInvisible(Email("U4"));
    // U3's own calendar is free at 9:30 and only busy at night.
    world.graph.SetSchedule(Email("U3"), {});

    const auto meeting = world.Book("book 9:30 <@U2> <@U3> <@U4>");
    REQUIRE(WaitFor([&] {
      const auto statuses = world.Statuses(meeting);
      return statuses.at("U2") == "busy" && statuses.at("U4") == "calendar_not_visible";
    }));
    REQUIRE(WaitFor([&] { return !world.google.Events().empty(); }));
    const auto statuses = world.Statuses(meeting);
    CHECK(statuses.at("U3") == "invited");
    CHECK(statuses.at("U1") == "accepted");
    // Graph was asked about U3 with U3's own token.
    REQUIRE(world.graph.ScheduleQueries().size() == 1);
    CHECK(world.graph.ScheduleQueries()[0]["schedules"] == nlohmann::json::array({Email("U3")}));

    REQUIRE(WaitFor([&] {
      const auto ts = world.slack.MessagesIn("C1").front().ts;
      return world.slack.FindMessage("C1", ts)->blocks.dump().find("not visible") !=
             std::string::npos;
    }));
    const auto blocks = world.slack.MessagesIn("C1").front().blocks.dump();
    CAPTURE(blocks);
    CHECK(blocks.find("busy") != std::string::npos);
    CHECK(blocks.find("calendar not visible") != std::string::npos);
    REQUIRE(WaitFor([&] { return !world.DmText("U2").empty(); }));
    CHECK(world.DmText("U2").find("busy") != std::string::npos);
    CHECK_FALSE(world.slack.DmChannelOf("U3").has_value());
    CHECK_FALSE(world.slack.DmChannelOf("U4").has_value());

    // The event on the organizer's Google calendar: attendees, weekdays at 9:30 Berlin time.
    const auto event = world.google.Events().front();
    CHECK(event.organizer == Email("U1"));
    CHECK(event.query.at("sendUpdates") == "all");
    std::set<std::string> attendees;
    for (const auto& attendee : event.body["attendees"]) attendees.insert(attendee["email"]);
    CHECK(attendees == std::set<std::string>{Email("U1"), Email("U2"), Email("U3"), Email("U4")});
    CHECK(event.body["recurrence"] ==
          nlohmann::json::array({"RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"}));
    CHECK(event.body["start"]["timeZone"] == "Europe/Berlin");
    CHECK(event.body["start"]["dateTime"].get<std::string>().find("T09:30:00") !=
          std::string::npos);
    CHECK(world.Query("SELECT calendar_event_id FROM meetings").rfind("google:", 0) == 0);

    world.CheckNoTokenLeaks();
  }

  TEST_CASE("an organizer on Microsoft: Graph answers free/busy and holds the weekly event") {
    CalendarWorld world;
    world.Connect("U3", "microsoft", Email("U3"));
    const auto meeting = world.Book("book 9:30 <@U1> <@U2> mon,wed,fri", "U3");
    REQUIRE(WaitFor([&] { return !world.graph.Events().empty(); }));
    CHECK(world.graph.ScheduleQueries().size() == 1);
    const auto event = world.graph.Events().front();
    CHECK(event.organizer == Email("U3"));
    std::set<std::string> attendees;
    for (const auto& attendee : event.body["attendees"]) {
      attendees.insert(attendee["emailAddress"]["address"]);
    }
    CHECK(attendees == std::set<std::string>{Email("U1"), Email("U2"), Email("U3")});
    CHECK(event.body["recurrence"]["pattern"]["daysOfWeek"] ==
          nlohmann::json::array({"monday", "wednesday", "friday"}));
    CHECK(event.body["start"]["timeZone"] == "Europe/Berlin");
    CHECK(event.body["start"]["dateTime"].get<std::string>().find("T09:30:00") !=
          std::string::npos);
    CHECK(world.google.Events().empty());

    CHECK(world.Click("U3", "standup_cancel", meeting).status == 200);
    REQUIRE(WaitFor([&] { return world.graph.FindEvent(event.id)->cancelled; }));
    world.CheckNoTokenLeaks();
  }

  TEST_CASE("zoom: the link is on the event and in the message, and deleted on cancel") {
    CalendarWorld world;
    world.Connect("U1", "google", Email("U1"));
    world.Connect("U1", "zoom", Email("U1"));
    const auto meeting = world.Book("book 9:30 <@U2> zoom");
    REQUIRE(WaitFor([&] { return !world.zoom.Meetings().empty(); }));
    const auto created = world.zoom.Meetings().front();
    CHECK(created.host == Email("U1"));
    REQUIRE(WaitFor([&] { return !world.google.Events().empty(); }));
    CHECK(world.google.Events().front().body.dump().find(created.join_url) != std::string::npos);
    REQUIRE(WaitFor([&] {
      return world.slack.MessagesIn("C1").front().blocks.dump().find(created.join_url) !=
             std::string::npos;
    }));

    CHECK(world.Click("U1", "standup_cancel", meeting).status == 200);
    REQUIRE(WaitFor([&] {
      return world.zoom.FindMeeting(std::to_string(created.id))->deleted &&
             world.google.Events().front().status == "cancelled";
    }));
    world.CheckNoTokenLeaks();
  }

  TEST_CASE("zoom without a Zoom connection: the organizer is told how to connect it") {
    CalendarWorld world;
    world.Book("book 9:30 <@U2> zoom");
    REQUIRE(WaitFor([&] { return !world.DmText("U1").empty(); }));
    CHECK(world.DmText("U1").find(kPublicUrl + "/oauth/zoom/start?state=") != std::string::npos);
    CHECK(world.zoom.Meetings().empty());
  }

  TEST_CASE("meet: Google adds a Meet link to the event, and the message shows it") {
    CalendarWorld world;
    world.Connect("U1", "google", Email("U1"));
    const auto meeting = world.Book("book 9:30 <@U2> meet");
    REQUIRE(WaitFor([&] { return !world.google.Events().empty(); }));
    const auto event = world.google.Events().front();
    CHECK(event.query.at("conferenceDataVersion") == "1");
    const std::string link = event.body.value("hangoutLink", "");
    REQUIRE(link.rfind("https://meet.google.com/", 0) == 0);
    REQUIRE(WaitFor([&] {
      return world.slack.MessagesIn("C1").front().blocks.dump().find(link) != std::string::npos;
    }));
    CHECK(world.Query("SELECT video_join_url FROM meetings") == link + "|\n");
    CHECK(world.zoom.Meetings().empty());
    CHECK_FALSE(world.slack.DmChannelOf("U1").has_value());

    // Cancelling deletes the event, and the Meet link goes with it; there is no Zoom to delete.
    CHECK(world.Click("U1", "standup_cancel", meeting).status == 200);
    REQUIRE(WaitFor([&] { return world.google.Events().front().status == "cancelled"; }));
    world.CheckNoTokenLeaks();
  }

  TEST_CASE("teams: an organizer on Microsoft gets the Teams link in the message") {
    CalendarWorld world;
    world.Connect("U3", "microsoft", Email("U3"));
    world.Book("book 9:30 <@U1> teams", "U3");
    REQUIRE(WaitFor([&] { return !world.graph.Events().empty(); }));
    const auto event = world.graph.Events().front();
    CHECK(event.body["isOnlineMeeting"] == true);
    const std::string link = event.body["onlineMeeting"]["joinUrl"];
    REQUIRE(WaitFor([&] {
      return world.slack.MessagesIn("C1").front().blocks.dump().find(link) != std::string::npos;
    }));
    world.CheckNoTokenLeaks();
  }

  TEST_CASE("meet without a Google connection: the organizer is told how to get the link") {
    CalendarWorld world;
    world.Book("book 9:30 <@U2> meet");
    REQUIRE(WaitFor([&] { return !world.DmText("U1").empty(); }));
    const auto dm = world.DmText("U1");
    CHECK(dm.find("has no Google Meet link") != std::string::npos);
    CHECK(dm.find("/standup connect google") != std::string::npos);
    CHECK(world.google.Events().empty());
    CHECK(world.Query("SELECT calendar_event_id FROM meetings").rfind("ev-", 0) == 0);
  }

  TEST_CASE("autoconfirm on Google: the invitation is accepted on the attendee's calendar") {
    CalendarWorld world;
    world.Connect("U1", "google", Email("U1"));
    world.Connect("U2", "google", Email("U2"));
    REQUIRE(world.Command("U2", "autoconfirm on").status == 200);
    world.Book("book 9:30 <@U2> <@U3>");
    REQUIRE(WaitFor([&] {
      const auto events = world.google.Events();
      if (events.empty()) return false;
      for (const auto& attendee : events.front().body["attendees"]) {
        if (attendee["email"] == Email("U2")) return attendee["responseStatus"] == "accepted";
      }
      return false;
    }));
    // U3 did not ask for it (and is not connected): their invitation is left for them.
    const auto event = world.google.Events().front();
    for (const auto& attendee : event.body["attendees"]) {
      if (attendee["email"] == Email("U3")) CHECK(attendee["responseStatus"] == "needsAction");
    }
    world.CheckNoTokenLeaks();
  }

  TEST_CASE("autoconfirm on Microsoft: the attendee's own copy is found and accepted") {
    CalendarWorld world;
    world.Connect("U3", "microsoft", Email("U3"));
    world.Connect("U2", "microsoft", Email("U2"));
    REQUIRE(world.Command("U2", "autoconfirm on").status == 200);
    world.Book("book 9:30 <@U2>", "U3");
    // The fake keeps responses by lower-cased address.
    REQUIRE(WaitFor([&] {
      const auto events = world.graph.Events();
      return !events.empty() && events.front().responses.count("u2@acme.test") == 1;
    }));
    const auto event = world.graph.Events().front();
    CHECK(event.responses.at("u2@acme.test") == "accepted");
    // Accepted through U2's own copy, whose id differs from the organizer's.
    const auto copy = FakeGraphCalendar::AttendeeCopyId(event.id, Email("U2"));
    CHECK(world.graph.Server().CountTo("/me/events/" + copy + "/accept") == 1);
    world.CheckNoTokenLeaks();
  }

  TEST_CASE("a room: its resource calendar is an attendee, and booked it is reported") {
    CalendarWorld world;
    world.Connect("U1", "google", Email("U1"));
    const std::string room = "kepler@resource.acme.test";
    const auto now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    world.google.SetBusy(room, {{Iso(now - date::days(1)), Iso(now + date::days(30))}});
    const auto meeting = world.Book("book 9:30 <@U2> room " + room);
    REQUIRE(WaitFor([&] { return !world.google.Events().empty(); }));
    const auto event = world.google.Events().front();
    bool room_invited = false;
    for (const auto& attendee : event.body["attendees"]) {
      if (attendee["email"] == room) room_invited = attendee.value("resource", false);
    }
    CHECK(room_invited);
    CHECK(event.body.value("location", "") == room);
    // The room's calendar was asked along with the people's, and its clash told the organizer.
    REQUIRE(world.google.FreeBusyQueries().size() == 1);
    CHECK(world.google.FreeBusyQueries()[0].dump().find(room) != std::string::npos);
    REQUIRE(
        WaitFor([&] { return world.DmText("U1").find("is booked during") != std::string::npos; }));
    CHECK(world.DmText("U1").find(room) != std::string::npos);
    CHECK(world.Statuses(meeting).at("U2") == "invited");
    REQUIRE(WaitFor([&] {
      return world.slack.MessagesIn("C1").front().blocks.dump().find(
                 "Room: " + room + " \u2014 booked, busy ") != std::string::npos;
    }));
  }

  TEST_CASE("a Zoom token refused is refreshed, and the rotated refresh token is the one kept") {
    CalendarWorld world;
    world.Connect("U1", "zoom", Email("U1"));
    const auto before = world.zoom_oauth.LiveRefreshTokens(Email("U1"));
    REQUIRE(before.size() == 1);
    const auto stored_before = world.Query("SELECT refresh_token_enc FROM credentials");
    world.zoom.FailNextWithInvalidToken(1);
    world.Book("book 9:30 <@U2> zoom");
    REQUIRE(WaitFor([&] { return !world.zoom.Meetings().empty(); }));
    CHECK(world.zoom_oauth.RefreshCount() == 1);
    const auto after = world.zoom_oauth.LiveRefreshTokens(Email("U1"));
    REQUIRE(after.size() == 1);
    CHECK(after != before);  // Zoom rotated it and revoked the old one
    CHECK(world.Query("SELECT refresh_token_enc FROM credentials") != stored_before);

    // The next refresh works only with the rotated token: Officer must have saved it.
    world.zoom.FailNextWithInvalidToken(1);
    REQUIRE(world.Command("U1", "book 10:30 <@U2> zoom").status == 200);
    REQUIRE(WaitFor([&] { return world.zoom.Meetings().size() == 2; }));
    CHECK(world.zoom_oauth.RefreshCount() == 2);
    CHECK(world.Query("SELECT status FROM credentials") == "active|\n");
    world.CheckNoTokenLeaks();
  }

  TEST_CASE("a standup cancelled on Google is found so right before its reminder") {
    CalendarWorld world(
        {{"OFFICER_SCHEDULER_TICK_MS", "200"}, {"OFFICER_DEFAULT_REMINDER_MINUTES", "1"}});
    world.Connect("U1", "google", Email("U1"));
    const auto start = date::ceil<std::chrono::minutes>(
        date::floor<std::chrono::seconds>(std::chrono::system_clock::now()) +
        std::chrono::seconds(80));
    const auto time = date::make_time(start - date::floor<date::days>(start));
    const std::string hhmm = std::to_string(time.hours().count()) + ":" +
                             (time.minutes().count() < 10 ? "0" : "") +
                             std::to_string(time.minutes().count());
    world.Book("book " + hhmm + " <@U2> daily tz UTC");
    REQUIRE(WaitFor([&] { return !world.google.Events().empty(); }));
    world.google.CancelEvent(world.google.Events().front().id);
    const auto deadline = start + std::chrono::seconds(5);
    REQUIRE(WaitFor(
        [&] {
          return world.Query(
                     "SELECT count(*) FROM reminder_ledger WHERE outcome = "
                     "'skipped_cancelled'") != "0|\n";
        },
        std::chrono::seconds(120)));
    CHECK(std::chrono::system_clock::now() < deadline);
    CHECK(world.DmText("U2").find("starts in") == std::string::npos);
    CHECK(world.google.Server().CountTo("/calendar/v3/calendars/primary/events/" +
                                        world.google.Events().front().id) >= 1);
  }

  TEST_CASE("an access token Google refuses is refreshed once and the call retried") {
    CalendarWorld world;
    world.Connect("U1", "google", Email("U1"));
    world.google.FailNextWith401(1);
    const auto meeting = world.Book("book 9:30 <@U2>");
    REQUIRE(WaitFor([&] { return !world.google.Events().empty(); }));
    CHECK(world.google_oauth.RefreshCount() == 1);
    CHECK(world.Statuses(meeting).at("U2") == "invited");
    world.CheckNoTokenLeaks();
  }

  TEST_CASE("a revoked refresh token marks the connection and DMs its owner the connect link") {
    CalendarWorld world;
    world.Connect("U1", "google", Email("U1"));
    for (const auto& token : world.google_oauth.LiveRefreshTokens(Email("U1"))) {
      world.google_oauth.RevokeRefreshToken(token);
    }
    world.google.FailNextWith401(1);
    world.Book("book 9:30 <@U2>");
    REQUIRE(WaitFor([&] { return !world.DmText("U1").empty(); }));
    const auto dm = world.DmText("U1");
    CHECK(dm.find("Google Calendar") != std::string::npos);
    CHECK(dm.find(kPublicUrl + "/oauth/google/start?state=") != std::string::npos);
    CHECK(world.Query("SELECT status FROM credentials") == "needs_reconnect|\n");
    // The standup still went on a calendar: the local one.
    REQUIRE(WaitFor([&] {
      return world.Query("SELECT calendar_event_id FROM meetings").rfind("ev-", 0) == 0;
    }));
    CHECK(world.google.Events().empty());
    world.CheckNoTokenLeaks();
  }

  TEST_CASE("a 429 from Google is waited out for its Retry-After, then the check goes on") {
    CalendarWorld world;
    world.Connect("U1", "google", Email("U1"));
    world.google.Server().Enqueue("/calendar/v3/freeBusy",
                                  officer::fakes::FakeResponse::RateLimited(2));
    const auto asked = std::chrono::steady_clock::now();
    const auto meeting = world.Book("book 9:30 <@U2>");
    REQUIRE(WaitFor([&] { return world.google.FreeBusyQueries().size() == 1; }));
    // Without Retry-After the first backoff would be a quarter of a second.
    CHECK(std::chrono::steady_clock::now() - asked >= std::chrono::milliseconds(1800));
    CHECK(world.google.Server().CountTo("/calendar/v3/freeBusy") == 2);
    REQUIRE(WaitFor([&] { return !world.google.Events().empty(); }));
    CHECK(world.Statuses(meeting).at("U2") == "invited");
    world.CheckNoTokenLeaks();
  }
}
