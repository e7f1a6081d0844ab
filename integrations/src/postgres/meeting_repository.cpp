#include <officer/integrations/postgres/meeting_repository.hpp>

#include <map>

#include <officer/integrations/postgres/effect_codec.hpp>
#include <officer/integrations/postgres/job_store.hpp>

#include "meeting_rows.hpp"
#include "sql_arrays.hpp"

namespace officer::integrations::postgres {

namespace {

namespace d = domain;

constexpr std::string_view kMeetingColumns =
    "id, workspace_id, channel_id, organizer_id, title, start_minute, duration_minutes, days,"
    " time_zone, first_day::text, location_kind, room, video_provider, video_join_url,"
    " video_external_id, reminder_minutes, reminder_off, status, version, calendar_event_id,"
    " message_channel, message_ts, room_clash_note";

constexpr std::string_view kInsertMeeting =
    "INSERT INTO meetings (id, workspace_id, channel_id, organizer_id, title, start_minute,"
    " duration_minutes, days, time_zone, first_day, location_kind, room, video_provider,"
    " video_join_url, video_external_id, reminder_minutes, reminder_off, status, version,"
    " calendar_event_id, message_channel, message_ts, room_clash_note)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date, $11, $12, $13, $14, $15, $16, $17,"
    " $18, $19, $20, $21, $22, $23) ON CONFLICT (id) DO NOTHING";

constexpr std::string_view kUpdateMeeting =
    "UPDATE meetings SET channel_id = $3, organizer_id = $4, title = $5, start_minute = $6,"
    " duration_minutes = $7, days = $8, time_zone = $9, first_day = $10::date,"
    " location_kind = $11, room = $12, video_provider = $13, video_join_url = $14,"
    " video_external_id = $15, reminder_minutes = $16, reminder_off = $17, status = $18,"
    " version = $19, calendar_event_id = $20, message_channel = $21, message_ts = $22,"
    " room_clash_note = $23, updated_at = now()"
    " WHERE id = $1 AND workspace_id = $2 AND version = $24";

constexpr std::string_view kInsertParticipant =
    "INSERT INTO participants (meeting_id, position, user_id, display_name, email, status,"
    " clash_start, clash_end, clash_note)"
    " VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7), to_timestamp($8), $9)";

constexpr std::string_view kSelectParticipants =
    "SELECT meeting_id, user_id, display_name, email, status,"
    " extract(epoch FROM clash_start)::bigint, extract(epoch FROM clash_end)::bigint, clash_note"
    " FROM participants WHERE meeting_id = ANY($1::text[]) ORDER BY meeting_id, position";

constexpr std::string_view kInsertAgendaItem =
    "INSERT INTO agenda_items (meeting_id, position, text, done, author_id)"
    " VALUES ($1, $2, $3, $4, $5)";

constexpr std::string_view kSelectAgenda =
    "SELECT meeting_id, text, done, author_id FROM agenda_items"
    " WHERE meeting_id = ANY($1::text[]) ORDER BY meeting_id, position";

const char* StatusName(d::ParticipantStatus status) {
  switch (status) {
    case d::ParticipantStatus::Invited:
      return "invited";
    case d::ParticipantStatus::Accepted:
      return "accepted";
    case d::ParticipantStatus::Declined:
      return "declined";
    case d::ParticipantStatus::Busy:
      return "busy";
    case d::ParticipantStatus::CalendarNotVisible:
      return "calendar_not_visible";
  }
  return "invited";
}

d::ParticipantStatus StatusFrom(const std::string& name) {
  if (name == "accepted") return d::ParticipantStatus::Accepted;
  if (name == "declined") return d::ParticipantStatus::Declined;
  if (name == "busy") return d::ParticipantStatus::Busy;
  if (name == "calendar_not_visible") return d::ParticipantStatus::CalendarNotVisible;
  return d::ParticipantStatus::Invited;
}

std::string DateText(date::year_month_day day) { return date::format("%F", date::sys_days(day)); }

date::year_month_day DateFrom(const std::string& text) {
  // PostgreSQL's date::text is always YYYY-MM-DD.
  const int year = std::stoi(text.substr(0, 4));
  const unsigned month = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
  const unsigned day = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
  return date::year{year} / date::month{month} / date::day{day};
}

std::optional<std::string> Optional(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<std::string>();
}

d::StandupMeeting MeetingFrom(const pqxx::row& row) {
  d::StandupMeeting meeting;
  meeting.id = d::MeetingId(row[0].as<std::string>());
  meeting.workspace = d::WorkspaceId(row[1].as<std::string>());
  meeting.channel = d::ChannelId(row[2].as<std::string>());
  meeting.organizer = d::UserId(row[3].as<std::string>());
  meeting.title = row[4].as<std::string>();
  const int start_minute = row[5].as<int>();
  meeting.start = d::TimeOfDay{start_minute / 60, start_minute % 60};
  meeting.duration_minutes = row[6].as<int>();
  meeting.days = d::DaySet::FromBits(static_cast<std::uint8_t>(row[7].as<int>()));
  meeting.zone_name = row[8].as<std::string>();
  meeting.first_day = DateFrom(row[9].as<std::string>());
  const std::string location = row[10].as<std::string>();
  if (location == "room") {
    meeting.location = d::Room{row[11].as<std::string>(), row[22].as<std::string>()};
  } else if (location == "video") {
    meeting.location = d::VideoLink{row[12].as<std::string>(), Optional(row[13]).value_or(""),
                                    Optional(row[14]).value_or("")};
  }
  if (row[16].as<bool>()) {
    meeting.reminder = d::ReminderSetting::Off();
  } else if (!row[15].is_null()) {
    meeting.reminder = d::ReminderSetting::Before(std::chrono::minutes(row[15].as<int>()));
  }
  meeting.status = row[17].as<std::string>() == "cancelled" ? d::MeetingStatus::Cancelled
                                                            : d::MeetingStatus::Active;
  meeting.version = row[18].as<int>();
  meeting.calendar_event_id = Optional(row[19]);
  if (!row[20].is_null() && !row[21].is_null()) {
    meeting.message = d::MessageRef{row[20].as<std::string>(), row[21].as<std::string>()};
  }
  return meeting;
}

// Loads meetings by a WHERE clause on `meetings`, with participants and agenda.
template <typename... Parameters>
std::vector<d::StandupMeeting> LoadWhere(pqxx::transaction_base& tx, const std::string& where,
                                         const Parameters&... parameters) {
  const auto rows = tx.exec_params(
      "SELECT " + std::string(kMeetingColumns) + " FROM meetings WHERE " + where, parameters...);
  std::vector<d::StandupMeeting> meetings;
  std::map<std::string, std::size_t> index;
  std::vector<std::string> ids;
  for (const auto& row : rows) {
    meetings.push_back(MeetingFrom(row));
    index[meetings.back().id.value()] = meetings.size() - 1;
    ids.push_back(meetings.back().id.value());
  }
  if (meetings.empty()) return meetings;
  const std::string id_array = TextArray(ids);
  for (const auto& row : tx.exec_params(std::string(kSelectParticipants), id_array)) {
    d::Participant participant;
    participant.user = d::UserId(row[1].as<std::string>());
    participant.display_name = row[2].as<std::string>();
    participant.email = row[3].as<std::string>();
    participant.status = StatusFrom(row[4].as<std::string>());
    if (!row[5].is_null() && !row[6].is_null()) {
      participant.clash =
          d::Interval{date::sys_seconds{std::chrono::seconds{row[5].as<long long>()}},
                      date::sys_seconds{std::chrono::seconds{row[6].as<long long>()}}};
    }
    participant.clash_note = row[7].as<std::string>();
    meetings[index[row[0].as<std::string>()]].participants.push_back(std::move(participant));
  }
  for (const auto& row : tx.exec_params(std::string(kSelectAgenda), id_array)) {
    meetings[index[row[0].as<std::string>()]].agenda.push_back(d::AgendaItem{
        row[1].as<std::string>(), row[2].as<bool>(), d::UserId(row[3].as<std::string>())});
  }
  return meetings;
}

}  // namespace

std::string TextArray(const std::vector<std::string>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ",";
    out += "\"";
    for (char ch : values[i]) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    out += "\"";
  }
  return out + "}";
}

std::vector<d::StandupMeeting> LoadMeetings(pqxx::transaction_base& tx,
                                            const std::vector<std::string>& ids) {
  return LoadWhere(tx, "id = ANY($1::text[])", TextArray(ids));
}

void QueueEffects(pqxx::work& transaction, const d::Effects& effects) {
  for (const auto& effect : effects) {
    JobStore::Enqueue(transaction,
                      NewJob{"effect", EncodeEffect(effect), EffectQueueKey(effect), std::nullopt});
  }
}

std::optional<d::StandupMeeting> PgMeetingRepository::Load(const d::MeetingId& id) {
  return pool_.Run([&](pqxx::connection& connection) -> std::optional<d::StandupMeeting> {
    pqxx::read_transaction tx(connection);
    auto meetings = LoadWhere(tx, "id = $1", id.value());
    if (meetings.empty()) return std::nullopt;
    return std::move(meetings.front());
  });
}

std::vector<d::StandupMeeting> PgMeetingRepository::ListForPerson(const d::WorkspaceId& workspace,
                                                                  const d::UserId& user) {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::read_transaction tx(connection);
    return LoadWhere(tx,
                     "workspace_id = $1 AND (organizer_id = $2 OR id IN (SELECT meeting_id FROM"
                     " participants WHERE user_id = $2)) ORDER BY status, created_at",
                     workspace.value(), user.value());
  });
}

std::vector<d::StandupMeeting> PgMeetingRepository::ListActive() {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::read_transaction tx(connection);
    return LoadWhere(tx, "status = $1", "active");
  });
}

d::SaveOutcome PgMeetingRepository::Save(const d::StandupMeeting& meeting, int expected_version,
                                         const d::Effects& effects) {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    std::string location_kind = "none";
    std::optional<std::string> room, provider, join_url, external_id;
    std::string room_clash_note;
    if (const auto* r = std::get_if<d::Room>(&meeting.location)) {
      location_kind = "room";
      room = r->name_or_email;
      room_clash_note = r->clash_note;
    } else if (const auto* video = std::get_if<d::VideoLink>(&meeting.location)) {
      location_kind = "video";
      provider = video->provider;
      join_url = video->join_url;
      external_id = video->external_id;
    }
    std::optional<int> reminder_minutes;
    bool reminder_off = false;
    if (meeting.reminder) {
      reminder_off = meeting.reminder->IsOff();
      if (auto lead = meeting.reminder->Lead()) reminder_minutes = static_cast<int>(lead->count());
    }
    std::optional<std::string> message_channel, message_ts;
    if (meeting.message) {
      message_channel = meeting.message->channel;
      message_ts = meeting.message->ts;
    }
    const int start_minute = meeting.start.hour * 60 + meeting.start.minute;
    const char* status = meeting.status == d::MeetingStatus::Active ? "active" : "cancelled";
    // Insert and update bind the same 23 columns; the update adds the version it expects.
    auto write = [&](std::string_view sql, const auto&... expected) {
      return tx.exec_params(
          std::string(sql), meeting.id.value(), meeting.workspace.value(), meeting.channel.value(),
          meeting.organizer.value(), meeting.title, start_minute, meeting.duration_minutes,
          static_cast<int>(meeting.days.Bits()), meeting.zone_name, DateText(meeting.first_day),
          location_kind, room, provider, join_url, external_id, reminder_minutes, reminder_off,
          status, meeting.version, meeting.calendar_event_id, message_channel, message_ts,
          room_clash_note, expected...);
    };
    const pqxx::result written =
        expected_version == 0 ? write(kInsertMeeting) : write(kUpdateMeeting, expected_version);
    if (written.affected_rows() != 1) return d::SaveOutcome::VersionConflict;

    tx.exec_params("DELETE FROM participants WHERE meeting_id = $1", meeting.id.value());
    int position = 0;
    for (const auto& p : meeting.participants) {
      std::optional<long long> clash_start, clash_end;
      if (p.clash) {
        clash_start = p.clash->start.time_since_epoch().count();
        clash_end = p.clash->end.time_since_epoch().count();
      }
      tx.exec_params(std::string(kInsertParticipant), meeting.id.value(), position++,
                     p.user.value(), p.display_name, p.email, StatusName(p.status), clash_start,
                     clash_end, p.clash_note);
    }
    tx.exec_params("DELETE FROM agenda_items WHERE meeting_id = $1", meeting.id.value());
    position = 0;
    for (const auto& item : meeting.agenda) {
      tx.exec_params(std::string(kInsertAgendaItem), meeting.id.value(), position++, item.text,
                     item.done, item.author.value());
    }
    QueueEffects(tx, effects);
    tx.commit();
    return d::SaveOutcome::Saved;
  });
}

void PgMeetingRepository::RememberPeople(const d::WorkspaceId& workspace,
                                         const std::vector<d::PersonRecord>& people) {
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    tx.exec_params("INSERT INTO workspaces (id) VALUES ($1) ON CONFLICT (id) DO NOTHING",
                   workspace.value());
    for (const auto& person : people) {
      tx.exec_params(
          "INSERT INTO people (workspace_id, user_id, display_name, email, time_zone)"
          " VALUES ($1, $2, $3, $4, NULLIF($5, '')) ON CONFLICT (workspace_id, user_id) DO UPDATE"
          " SET display_name = EXCLUDED.display_name, email = EXCLUDED.email,"
          " time_zone = EXCLUDED.time_zone, updated_at = now()",
          workspace.value(), person.user.value(), person.display_name, person.email,
          person.time_zone);
    }
    tx.commit();
  });
}

d::PersonPreferences PgMeetingRepository::LoadPreferences(const d::WorkspaceId& workspace,
                                                          const d::UserId& user) {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::read_transaction tx(connection);
    d::PersonPreferences preferences;
    preferences.user = user;
    const auto person = tx.exec_params(
        "SELECT autoconfirm, reminder_place FROM people WHERE workspace_id = $1 AND user_id = $2",
        workspace.value(), user.value());
    preferences.autoconfirm = !person.empty() && person[0][0].as<bool>();
    if (!person.empty() && person[0][1].as<std::string>() == "channel") {
      preferences.reminder_place = d::ReminderPlace::Channel;
    }
    for (const auto& row : tx.exec_params("SELECT meeting_id, minutes FROM reminder_preferences"
                                          " WHERE workspace_id = $1 AND user_id = $2",
                                          workspace.value(), user.value())) {
      const auto setting = row[1].is_null()
                               ? d::ReminderSetting::Off()
                               : d::ReminderSetting::Before(std::chrono::minutes(row[1].as<int>()));
      const std::string meeting = row[0].as<std::string>();
      if (meeting.empty()) {
        preferences.all_meetings = setting;
      } else {
        preferences.per_meeting.insert_or_assign(d::MeetingId(meeting), setting);
      }
    }
    return preferences;
  });
}

void PgMeetingRepository::SavePreferences(const d::WorkspaceId& workspace,
                                          const d::PersonPreferences& preferences,
                                          const d::Effects& effects) {
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    tx.exec_params(
        "INSERT INTO people (workspace_id, user_id, autoconfirm, reminder_place)"
        " VALUES ($1, $2, $3, $4) ON CONFLICT (workspace_id, user_id) DO UPDATE"
        " SET autoconfirm = EXCLUDED.autoconfirm, reminder_place = EXCLUDED.reminder_place,"
        " updated_at = now()",
        workspace.value(), preferences.user.value(), preferences.autoconfirm,
        preferences.reminder_place == d::ReminderPlace::Channel ? "channel" : "dm");
    tx.exec_params("DELETE FROM reminder_preferences WHERE workspace_id = $1 AND user_id = $2",
                   workspace.value(), preferences.user.value());
    auto insert = [&](const std::string& meeting, const d::ReminderSetting& setting) {
      std::optional<int> minutes;
      if (auto lead = setting.Lead()) minutes = static_cast<int>(lead->count());
      tx.exec_params(
          "INSERT INTO reminder_preferences (workspace_id, user_id, meeting_id, minutes)"
          " VALUES ($1, $2, $3, $4)",
          workspace.value(), preferences.user.value(), meeting, minutes);
    };
    if (preferences.all_meetings) insert("", *preferences.all_meetings);
    for (const auto& [meeting, setting] : preferences.per_meeting) insert(meeting.value(), setting);
    QueueEffects(tx, effects);
    tx.commit();
  });
}

}  // namespace officer::integrations::postgres
