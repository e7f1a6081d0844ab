#pragma once

#include <string>
#include <vector>

#include <pqxx/pqxx>

#include <officer/domain/standup_meeting.hpp>

namespace officer::integrations::postgres {

/// The meetings with these ids, with participants and agenda, read inside `tx`.
std::vector<domain::StandupMeeting> LoadMeetings(pqxx::transaction_base& tx,
                                                 const std::vector<std::string>& ids);

}  // namespace officer::integrations::postgres
