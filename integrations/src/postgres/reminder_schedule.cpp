#include <officer/integrations/postgres/reminder_schedule.hpp>

#include <date/tz.h>
#include <nlohmann/json.hpp>

#include <officer/domain/reminders.hpp>

#include "meeting_rows.hpp"
#include "sql_arrays.hpp"

namespace officer::integrations::postgres {

namespace {

namespace d = domain;

constexpr std::string_view kClaimMeetingsToPlan =
    "SELECT id FROM meetings WHERE status = 'active'"
    " AND (reminders_planned_until IS NULL OR reminders_planned_until < to_timestamp($1))"
    " ORDER BY reminders_planned_until NULLS FIRST LIMIT $2 FOR UPDATE SKIP LOCKED";

constexpr std::string_view kPreferencesOf =
    "SELECT workspace_id, user_id, meeting_id, minutes FROM reminder_preferences"
    " WHERE user_id = ANY($1::text[])";

// One statement for a whole batch of reminders. A replan moves a pending job to its new time.
constexpr std::string_view kPlanReminders =
    "INSERT INTO jobs (kind, payload, idempotency_key, run_at)"
    " SELECT 'reminder', p::jsonb, k, to_timestamp(t)"
    " FROM unnest($1::text[], $2::text[], $3::float8[]) AS r(p, k, t)"
    " ON CONFLICT (idempotency_key) DO UPDATE SET run_at = EXCLUDED.run_at"
    " WHERE jobs.status = 'pending' AND jobs.run_at <> EXCLUDED.run_at";

constexpr std::string_view kSetHorizon =
    "UPDATE meetings SET reminders_planned_until = to_timestamp($2) WHERE id = ANY($1::text[])";

constexpr std::string_view kClaim =
    "INSERT INTO reminder_ledger (meeting_id, occurrence_start, recipient_id, outcome)"
    " VALUES ($1, to_timestamp($2), $3, 'sending')"
    " ON CONFLICT (meeting_id, occurrence_start, recipient_id) DO UPDATE SET decided_at = now()"
    " WHERE reminder_ledger.outcome = 'sending'"
    "   AND reminder_ledger.decided_at < now() - make_interval(secs => $4)";

constexpr std::string_view kRecord =
    "UPDATE reminder_ledger SET outcome = $4, decided_at = now()"
    " WHERE meeting_id = $1 AND occurrence_start = to_timestamp($2) AND recipient_id = $3";

constexpr std::string_view kRelease =
    "DELETE FROM reminder_ledger WHERE meeting_id = $1 AND occurrence_start = to_timestamp($2)"
    " AND recipient_id = $3 AND outcome = 'sending'";

const char* OutcomeName(d::ReminderOutcome outcome) {
  switch (outcome) {
    case d::ReminderOutcome::Sent:
      return "sent";
    case d::ReminderOutcome::SkippedCancelled:
      return "skipped_cancelled";
    case d::ReminderOutcome::SkippedOff:
      return "skipped_off";
    case d::ReminderOutcome::DroppedLate:
      return "dropped_late";
  }
  return "sent";
}

long long Seconds(date::sys_seconds instant) { return instant.time_since_epoch().count(); }

std::string FloatArray(const std::vector<double>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    out += (i ? "," : "") + std::to_string(static_cast<long long>(values[i]));
  }
  return out + "}";
}

}  // namespace

PgReminderSchedule::PgReminderSchedule(ConnectionPool& pool, ReminderPlanningPolicy policy)
    : pool_(pool), policy_(policy) {}

void PgReminderSchedule::Replan(const d::MeetingId& meeting) {
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    tx.exec_params("UPDATE meetings SET reminders_planned_until = NULL WHERE id = $1",
                   meeting.value());
    tx.commit();
  });
}

void PgReminderSchedule::ReplanPerson(const d::UserId& user) {
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    tx.exec_params(
        "UPDATE meetings SET reminders_planned_until = NULL WHERE status = 'active' AND id IN"
        " (SELECT meeting_id FROM participants WHERE user_id = $1)",
        user.value());
    tx.commit();
  });
}

d::ReminderClaim PgReminderSchedule::Claim(const d::MeetingId& meeting,
                                           date::sys_seconds occurrence,
                                           const d::UserId& recipient) {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    const auto claimed =
        tx.exec_params(std::string(kClaim), meeting.value(), Seconds(occurrence), recipient.value(),
                       static_cast<double>(policy_.stale_claim.count()));
    if (claimed.affected_rows() == 1) {
      tx.commit();
      return d::ReminderClaim::Claimed;
    }
    const auto outcome = tx.exec_params(
        "SELECT outcome FROM reminder_ledger WHERE meeting_id = $1"
        " AND occurrence_start = to_timestamp($2) AND recipient_id = $3",
        meeting.value(), Seconds(occurrence), recipient.value());
    tx.commit();
    return !outcome.empty() && outcome[0][0].as<std::string>() == "sending"
               ? d::ReminderClaim::Busy
               : d::ReminderClaim::Decided;
  });
}

void PgReminderSchedule::Record(const d::MeetingId& meeting, date::sys_seconds occurrence,
                                const d::UserId& recipient, d::ReminderOutcome outcome) {
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    tx.exec_params(std::string(kRecord), meeting.value(), Seconds(occurrence), recipient.value(),
                   OutcomeName(outcome));
    tx.commit();
  });
}

void PgReminderSchedule::Release(const d::MeetingId& meeting, date::sys_seconds occurrence,
                                 const d::UserId& recipient) {
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    tx.exec_params(std::string(kRelease), meeting.value(), Seconds(occurrence), recipient.value());
    tx.commit();
  });
}

std::size_t PgReminderSchedule::PlanDue(date::sys_seconds now) {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    std::vector<std::string> ids;
    for (const auto& row :
         tx.exec_params(std::string(kClaimMeetingsToPlan),
                        static_cast<double>(Seconds(now + policy_.refresh_before)),
                        static_cast<long long>(policy_.batch))) {
      ids.push_back(row[0].as<std::string>());
    }
    if (ids.empty()) return std::size_t{0};
    const auto meetings = LoadMeetings(tx, ids);

    std::vector<std::string> people;
    for (const auto& meeting : meetings) {
      for (const auto& participant : meeting.participants) {
        people.push_back(participant.user.value());
      }
    }
    // Preferences keyed by (workspace, user); a person's choices never cross workspaces.
    std::map<std::pair<std::string, std::string>, d::PersonPreferences> preferences;
    for (const auto& row : tx.exec_params(std::string(kPreferencesOf), TextArray(people))) {
      auto& entry = preferences[{row[0].as<std::string>(), row[1].as<std::string>()}];
      entry.user = d::UserId(row[1].as<std::string>());
      const auto setting = row[3].is_null()
                               ? d::ReminderSetting::Off()
                               : d::ReminderSetting::Before(std::chrono::minutes(row[3].as<int>()));
      const std::string meeting = row[2].as<std::string>();
      if (meeting.empty()) {
        entry.all_meetings = setting;
      } else {
        entry.per_meeting.insert_or_assign(d::MeetingId(meeting), setting);
      }
    }

    std::vector<std::string> payloads, keys;
    std::vector<double> times;
    const d::Interval window{now, now + policy_.horizon};
    for (const auto& meeting : meetings) {
      const date::time_zone* zone = nullptr;
      try {
        zone = date::locate_zone(meeting.zone_name);
      } catch (const std::exception&) {
        continue;  // Book refuses unknown zones; a stored one cannot be planned
      }
      std::map<d::UserId, d::PersonPreferences> mine;
      for (const auto& participant : meeting.participants) {
        auto it = preferences.find({meeting.workspace.value(), participant.user.value()});
        if (it != preferences.end()) mine.emplace(participant.user, it->second);
      }
      for (const auto& reminder :
           d::PlanReminders(meeting, *zone, mine, window, policy_.default_lead)) {
        const auto occurrence = Seconds(reminder.occurrence_start);
        payloads.push_back(nlohmann::json{{"meeting", meeting.id.value()},
                                          {"occurrence", occurrence},
                                          {"recipient", reminder.recipient.value()}}
                               .dump());
        keys.push_back("reminder:" + meeting.id.value() + ":" + std::to_string(occurrence) + ":" +
                       reminder.recipient.value());
        times.push_back(static_cast<double>(Seconds(reminder.send_at)));
      }
    }
    if (!payloads.empty()) {
      tx.exec_params(std::string(kPlanReminders), TextArray(payloads), TextArray(keys),
                     FloatArray(times));
    }
    tx.exec_params(std::string(kSetHorizon), TextArray(ids),
                   static_cast<double>(Seconds(window.end)));
    tx.commit();
    return ids.size();
  });
}

std::map<std::string, long> PgReminderSchedule::Outcomes() {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::read_transaction tx(connection);
    std::map<std::string, long> out;
    for (const auto& row :
         tx.exec("SELECT outcome, count(*) FROM reminder_ledger GROUP BY outcome")) {
      out[row[0].as<std::string>()] = row[1].as<long>();
    }
    return out;
  });
}

}  // namespace officer::integrations::postgres
