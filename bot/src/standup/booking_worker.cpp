#include <officer/bot/standup/booking_worker.hpp>

#include <algorithm>

#include <date/tz.h>

#include <officer/bot/render/refusal_text.hpp>
#include <officer/bot/standup/book_job.hpp>
#include <officer/bot/standup/replies.hpp>
#include <officer/domain/errors.hpp>
#include <officer/domain/standup_organizer.hpp>

#include "zones.hpp"

namespace officer::bot::standup {

namespace {

namespace d = domain;

d::DaySet Days(const slack::DaySet& days) {
  // The grammar counts from Monday; the domain uses date::weekday.
  d::DaySet out;
  for (unsigned i = 0; i < 7; ++i) {
    if (days[i]) out.Add(date::weekday{(i + 1) % 7});
  }
  return out;
}

d::Location LocationOf(const slack::Location& location) {
  if (const auto* video = std::get_if<slack::VideoLocation>(&location)) {
    return d::VideoLink{std::string(slack::VideoProviderName(video->provider)), "", ""};
  }
  if (const auto* room = std::get_if<slack::RoomLocation>(&location)) return d::Room{room->name};
  return d::NoLocation{};
}

}  // namespace

BookingWorker::BookingWorker(d::MeetingRepository& meetings, SlackApi& slack, const d::Clock& clock,
                             ServiceSettings settings, bool video_available)
    : meetings_(meetings),
      slack_(slack),
      clock_(clock),
      settings_(std::move(settings)),
      video_available_(video_available) {}

void BookingWorker::Run(const std::string& payload) {
  const auto job = DecodeBookJob(payload);
  if (!job) throw PermanentError("a book job whose payload cannot be read");
  const auto& command = job->command;
  auto reply = [&](const std::string& text) {
    slack_.PostEphemeral(job->team, job->channel, job->user, job->response_url,
                         SlackPost{text, "[]"});
  };
  // A repeated run of a job that already booked finds its meeting and stops.
  if (meetings_.Load(d::MeetingId(job->meeting_id))) return;

  if (const auto* video = std::get_if<slack::VideoLocation>(&command.location);
      video != nullptr && video->provider == slack::VideoProvider::kZoom && !video_available_) {
    reply(ZoomUnavailableText());
    return;
  }

  std::vector<std::string> ids = command.who.users;
  for (const auto& group : command.who.usergroups) {
    auto members = slack_.UsergroupMembers(job->team, group);
    if (!members) return reply(UnreadableGroupText(group));
    ids.insert(ids.end(), members->begin(), members->end());
  }
  for (const auto& channel : command.who.channels) {
    auto members = slack_.ChannelMembers(job->team, channel);
    if (!members) return reply(UnreadableChannelText(channel));
    ids.insert(ids.end(), members->begin(), members->end());
  }
  std::vector<std::string> unique;
  for (const auto& id : ids) {
    if (id != job->user && std::find(unique.begin(), unique.end(), id) == unique.end()) {
      unique.push_back(id);
    }
  }
  if (unique.size() + 1 > kMaxPeople) return reply(TooManyPeopleText(kMaxPeople));

  const auto organizer = slack_.User(job->team, job->user);
  if (!organizer) return reply(UnknownPersonText(job->user));
  const d::WorkspaceId workspace(job->team);
  auto invitee = [&](const SlackPerson& person) {
    const d::UserId id(person.id);
    return d::Invitee{id, person.name, person.email,
                      meetings_.LoadPreferences(workspace, id).autoconfirm};
  };

  d::BookRequest request;
  request.id = d::MeetingId(job->meeting_id);
  request.workspace = workspace;
  request.channel = d::ChannelId(job->channel);
  request.organizer = invitee(*organizer);
  std::vector<SlackPerson> resolved;
  for (const auto& id : unique) {
    auto person = slack_.User(job->team, id);
    if (!person) return reply(UnknownPersonText(id));
    if (person->is_bot || person->deleted) continue;  // channels and groups include bots
    request.invitees.push_back(invitee(*person));
    resolved.push_back(*person);
  }
  request.title = command.title;
  request.start = d::TimeOfDay{command.hour, command.minute};
  request.duration_minutes = command.duration_minutes;
  request.days = Days(command.days);
  request.zone_name = command.time_zone.value_or(
      organizer->time_zone.empty() ? settings_.default_time_zone : organizer->time_zone);
  request.first_day = command.first_day;
  request.location = LocationOf(command.location);

  std::vector<d::PersonRecord> people{d::PersonRecord{d::UserId(organizer->id), organizer->name,
                                                      organizer->email, organizer->time_zone}};
  for (const auto& person : resolved) {
    people.push_back(
        d::PersonRecord{d::UserId(person.id), person.name, person.email, person.time_zone});
  }
  meetings_.RememberPeople(workspace, people);

  auto result = d::Book(request, FindZone(request.zone_name), clock_.Now());
  if (auto* booked = std::get_if<d::Booked>(&result)) {
    if (meetings_.Save(booked->meeting, 0, booked->effects) == d::SaveOutcome::Saved) {
      reply(BookedText(booked->meeting));
    }
    return;
  }
  std::visit(
      [&](const auto& refusal) {
        if constexpr (!std::is_same_v<std::decay_t<decltype(refusal)>, d::Booked>) {
          reply(render::WithUsage(render::Explain(refusal),
                                  slack::BookUsageLine(slack::kDefaultSlashCommand)));
        }
      },
      result);
}

}  // namespace officer::bot::standup
