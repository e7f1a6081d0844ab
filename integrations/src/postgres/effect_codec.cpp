#include <officer/integrations/postgres/effect_codec.hpp>

#include <nlohmann/json.hpp>

namespace officer::integrations::postgres {

namespace {

using nlohmann::json;
namespace d = domain;

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

const char* ReasonName(d::DirectMessageReason reason) {
  switch (reason) {
    case d::DirectMessageReason::Clash:
      return "clash";
    case d::DirectMessageReason::RoomBusy:
      return "room_busy";
    case d::DirectMessageReason::Cancelled:
      return "cancelled";
    case d::DirectMessageReason::VideoLinkMissing:
      return "video_link_missing";
  }
  return "clash";
}

std::optional<d::DirectMessageReason> ReasonFrom(const std::string& name) {
  if (name == "clash") return d::DirectMessageReason::Clash;
  if (name == "room_busy") return d::DirectMessageReason::RoomBusy;
  if (name == "cancelled") return d::DirectMessageReason::Cancelled;
  if (name == "video_link_missing") return d::DirectMessageReason::VideoLinkMissing;
  return std::nullopt;
}

}  // namespace

std::string EncodeEffect(const d::Effect& effect) {
  json out = std::visit(
      Overloaded{
          [](const d::PostMeetingMessage& e) {
            return json{{"type", "post_meeting_message"}, {"meeting", e.meeting.value()}};
          },
          [](const d::UpdateMeetingMessage& e) {
            return json{{"type", "update_meeting_message"}, {"meeting", e.meeting.value()}};
          },
          [](const d::SendDirectMessage& e) {
            return json{{"type", "send_direct_message"},
                        {"meeting", e.meeting.value()},
                        {"to", e.to.value()},
                        {"reason", ReasonName(e.reason)},
                        {"note", e.note}};
          },
          [](const d::CheckCalendars& e) {
            return json{{"type", "check_calendars"}, {"meeting", e.meeting.value()}};
          },
          [](const d::CreateCalendarEvent& e) {
            return json{{"type", "create_calendar_event"}, {"meeting", e.meeting.value()}};
          },
          [](const d::DeleteCalendarEvent& e) {
            return json{{"type", "delete_calendar_event"},
                        {"meeting", e.meeting.value()},
                        {"event_id", e.event_id}};
          },
          [](const d::CreateVideoMeeting& e) {
            return json{{"type", "create_video_meeting"},
                        {"meeting", e.meeting.value()},
                        {"provider", e.provider}};
          },
          [](const d::DeleteVideoMeeting& e) {
            return json{{"type", "delete_video_meeting"},
                        {"meeting", e.meeting.value()},
                        {"provider", e.provider},
                        {"external_id", e.external_id}};
          },
          [](const d::ScheduleReminders& e) {
            return json{{"type", "schedule_reminders"}, {"meeting", e.meeting.value()}};
          },
          [](const d::CancelReminders& e) {
            return json{{"type", "cancel_reminders"}, {"meeting", e.meeting.value()}};
          },
          [](const d::ReplanPersonReminders& e) {
            return json{{"type", "replan_person_reminders"}, {"user", e.user.value()}};
          },
          [](const d::RespondOnCalendar& e) {
            return json{{"type", "respond_on_calendar"},
                        {"meeting", e.meeting.value()},
                        {"user", e.user.value()},
                        {"response",
                         e.response == d::CalendarResponse::Accepted ? "accepted" : "declined"}};
          },
      },
      effect);
  return out.dump();
}

std::optional<d::Effect> DecodeEffect(const std::string& payload) {
  const json in = json::parse(payload, nullptr, false);
  if (in.is_discarded() || !in.is_object()) return std::nullopt;
  try {
    const std::string type = in.at("type").get<std::string>();
    auto meeting = [&] { return d::MeetingId(in.at("meeting").get<std::string>()); };
    if (type == "post_meeting_message") return d::PostMeetingMessage{meeting()};
    if (type == "update_meeting_message") return d::UpdateMeetingMessage{meeting()};
    if (type == "send_direct_message") {
      auto reason = ReasonFrom(in.at("reason").get<std::string>());
      if (!reason) return std::nullopt;
      return d::SendDirectMessage{meeting(), d::UserId(in.at("to").get<std::string>()), *reason,
                                  in.value("note", "")};
    }
    if (type == "check_calendars") return d::CheckCalendars{meeting()};
    if (type == "create_calendar_event") return d::CreateCalendarEvent{meeting()};
    if (type == "delete_calendar_event") {
      return d::DeleteCalendarEvent{meeting(), in.at("event_id").get<std::string>()};
    }
    if (type == "create_video_meeting") {
      return d::CreateVideoMeeting{meeting(), in.at("provider").get<std::string>()};
    }
    if (type == "delete_video_meeting") {
      return d::DeleteVideoMeeting{meeting(), in.at("provider").get<std::string>(),
                                   in.at("external_id").get<std::string>()};
    }
    if (type == "schedule_reminders") return d::ScheduleReminders{meeting()};
    if (type == "cancel_reminders") return d::CancelReminders{meeting()};
    if (type == "replan_person_reminders") {
      return d::ReplanPersonReminders{d::UserId(in.at("user").get<std::string>())};
    }
    if (type == "respond_on_calendar") {
      const auto response = in.at("response").get<std::string>() == "declined"
                                ? d::CalendarResponse::Declined
                                : d::CalendarResponse::Accepted;
      return d::RespondOnCalendar{meeting(), d::UserId(in.at("user").get<std::string>()), response};
    }
  } catch (const json::exception&) {
    return std::nullopt;
  }
  return std::nullopt;
}

std::string EffectQueueKey(const d::Effect& effect) {
  if (const auto* replan = std::get_if<d::ReplanPersonReminders>(&effect)) {
    return "person:" + replan->user.value();
  }
  return std::visit(
      [](const auto& e) -> std::string {
        if constexpr (requires { e.meeting; }) {
          return "meeting:" + e.meeting.value();
        } else {
          return {};
        }
      },
      effect);
}

}  // namespace officer::integrations::postgres
