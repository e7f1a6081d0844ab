#include "calendar_router.hpp"

#include <algorithm>

#include <spdlog/logger.h>

#include <officer/domain/errors.hpp>
#include <officer/integrations/oauth/reconnect_needed.hpp>

namespace officer::wiring {

namespace {

namespace d = domain;
namespace oauth = integrations::oauth;

constexpr std::string_view kLocal = "local";

bool IsCalendarProvider(const std::string& provider) {
  return provider == "google" || provider == "microsoft";
}

// "google:<id>" -> ("google", "<id>"); a bare id is the local calendar's.
std::pair<std::string, std::string> SplitEventId(const std::string& event_id) {
  for (const char* provider : {"google", "microsoft"}) {
    const std::string prefix = std::string(provider) + ":";
    if (event_id.rfind(prefix, 0) == 0) return {provider, event_id.substr(prefix.size())};
  }
  return {std::string(kLocal), event_id};
}

std::string Account(const std::string& provider, const d::UserId& owner) {
  return provider == kLocal ? std::string(kLocal) : provider + ":" + owner.value();
}

}  // namespace

std::function<std::string(const d::UserId&, std::string_view)> AccessTokenSourceFor(
    oauth::CredentialStore& credentials, oauth::TokenRefresher& refresher, std::string provider,
    std::function<void(const d::UserId&)> on_missing) {
  return [&credentials, &refresher, provider = std::move(provider),
          on_missing = std::move(on_missing)](const d::UserId& user, std::string_view rejected) {
    std::optional<oauth::CredentialKey> found;
    for (const auto& [key, status] : credentials.ConnectionsOf(user)) {
      if (key.provider != provider) continue;
      if (status == oauth::CredentialStatus::kActive) {
        found = key;
        break;
      }
      if (!found) found = key;
    }
    if (!found) {
      if (on_missing) on_missing(user);
      throw oauth::ReconnectNeeded(provider);
    }
    return refresher.AccessToken(*found, rejected);
  };
}

CalendarRouter::CalendarRouter(oauth::CredentialStore& credentials, CalendarBackends backends,
                               integrations::postgres::FreeBusyCache& cache,
                               std::shared_ptr<spdlog::logger> logger)
    : credentials_(credentials),
      backends_(backends),
      cache_(cache),
      logger_(logger ? std::move(logger) : std::make_shared<spdlog::logger>("calendars")) {}

d::CalendarGateway* CalendarRouter::Backend(const std::string& provider) {
  if (provider == "google") return backends_.google;
  if (provider == "microsoft") return backends_.microsoft;
  return &backends_.local;
}

std::string CalendarRouter::ProviderOf(const d::UserId& owner) {
  for (const auto& [key, status] : credentials_.ConnectionsOf(owner)) {
    if (status == oauth::CredentialStatus::kActive && IsCalendarProvider(key.provider) &&
        Backend(key.provider) != nullptr) {
      return key.provider;
    }
  }
  return std::string(kLocal);
}

std::optional<std::pair<std::string, d::UserId>> CalendarRouter::OwnCalendarOf(
    const std::string& email) {
  if (email.find('@') == std::string::npos) return std::nullopt;
  for (const auto& [key, status] : credentials_.ConnectionsOfEmail(email)) {
    if (status == oauth::CredentialStatus::kActive && IsCalendarProvider(key.provider) &&
        Backend(key.provider) != nullptr) {
      return std::make_pair(key.provider, key.user);
    }
  }
  return std::nullopt;
}

std::vector<d::Availability> CalendarRouter::Ask(const std::string& provider,
                                                 const d::UserId& owner,
                                                 const std::vector<std::string>& attendees,
                                                 const d::Interval& rounded) {
  const auto account = Account(provider, owner);
  auto cached = cache_.Find(account, attendees, rounded);
  std::vector<d::Availability> out(attendees.size());
  std::vector<std::string> missing;
  std::vector<std::size_t> missing_at;
  for (std::size_t i = 0; i < attendees.size(); ++i) {
    if (cached[i]) {
      out[i] = std::move(*cached[i]);
    } else {
      missing.push_back(attendees[i]);
      missing_at.push_back(i);
    }
  }
  if (missing.empty()) return out;
  const auto answers = Backend(provider)->FreeBusy(owner, missing, rounded);
  std::vector<std::pair<std::string, d::Availability>> fresh;
  for (std::size_t j = 0; j < missing.size(); ++j) {
    d::Availability availability = d::NotVisible{};
    if (j < answers.size()) availability = answers[j].availability;
    fresh.emplace_back(missing[j], availability);
    out[missing_at[j]] = std::move(availability);
  }
  cache_.Store(account, fresh, rounded);
  return out;
}

std::vector<d::AttendeeAvailability> CalendarRouter::FreeBusy(
    const d::UserId& owner, const std::vector<std::string>& attendees, const d::Interval& window) {
  const auto rounded = integrations::postgres::FreeBusyCache::Round(window);
  std::string provider = ProviderOf(owner);
  std::vector<d::Availability> answers;
  try {
    answers = Ask(provider, owner, attendees, rounded);
  } catch (const oauth::ReconnectNeeded& error) {
    logger_->warn("free/busy for {}'s standup on the local calendar: {}", owner.value(),
                  error.what());
    provider = std::string(kLocal);
    answers = Ask(provider, owner, attendees, rounded);
  }

  std::vector<d::AttendeeAvailability> out;
  out.reserve(attendees.size());
  for (std::size_t i = 0; i < attendees.size(); ++i) {
    d::Availability availability = std::move(answers[i]);
    const bool invisible = std::holds_alternative<d::NotVisible>(availability);
    if (invisible || provider == kLocal) {
      if (auto own = OwnCalendarOf(attendees[i]); own && own->second != owner) {
        try {
          auto theirs = Ask(own->first, own->second, {attendees[i]}, rounded).front();
          if (auto* busy = std::get_if<std::vector<d::Interval>>(&theirs)) {
            if (auto* known = std::get_if<std::vector<d::Interval>>(&availability)) {
              busy->insert(busy->end(), known->begin(), known->end());
            }
            availability = std::move(theirs);
          }
        } catch (const officer::Error& error) {
          logger_->warn("free/busy of an attendee through their own {} calendar failed: {}",
                        own->first, error.what());
        }
      }
    }
    out.push_back(d::AttendeeAvailability{attendees[i], std::move(availability), nullptr});
  }
  return out;
}

d::CreatedCalendarEvent CalendarRouter::CreateRecurringEvent(const d::UserId& owner,
                                                             const d::RecurringEvent& event) {
  std::string provider = ProviderOf(owner);
  d::CreatedCalendarEvent created;
  try {
    created = Backend(provider)->CreateRecurringEvent(owner, event);
  } catch (const oauth::ReconnectNeeded& error) {
    logger_->warn("the standup of {} goes on the local calendar: {}", owner.value(), error.what());
    provider = std::string(kLocal);
    created = backends_.local.CreateRecurringEvent(owner, event);
  }
  auto booked_for = event.attendee_emails;
  booked_for.push_back(owner.value());
  cache_.Forget(booked_for);
  if (provider != kLocal) created.event_id = provider + ":" + created.event_id;
  return created;
}

void CalendarRouter::DeleteEvent(const d::UserId& owner, const std::string& event_id) {
  const auto [provider, id] = SplitEventId(event_id);
  auto* backend = Backend(provider);
  if (backend == nullptr) {
    throw PermanentError("the standup's event is on " + provider +
                         ", which this Officer is not configured for");
  }
  backend->DeleteEvent(owner, id);
  cache_.ForgetAll();
}

void CalendarRouter::Respond(const d::UserId& person, const std::string& event_id,
                             d::CalendarResponse response) {
  const auto [provider, id] = SplitEventId(event_id);
  if (provider == kLocal) {
    backends_.local.Respond(person, id, response);
    return;
  }
  auto* backend = Backend(provider);
  if (backend == nullptr) return;
  for (const auto& [key, status] : credentials_.ConnectionsOf(person)) {
    if (key.provider == provider && status == oauth::CredentialStatus::kActive) {
      backend->Respond(person, id, response);
      return;
    }
  }
  // Not connected there: the invitation in their mailbox is theirs to answer.
}

d::CalendarEventStatus CalendarRouter::EventStatus(const d::UserId& owner,
                                                   const std::string& event_id) {
  const auto [provider, id] = SplitEventId(event_id);
  auto* backend = Backend(provider);
  if (backend == nullptr) return d::CalendarEventStatus::Active;
  return backend->EventStatus(owner, id);
}

}  // namespace officer::wiring
