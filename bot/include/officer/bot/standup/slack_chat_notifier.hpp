#pragma once

#include <officer/bot/standup/slack_api.hpp>
#include <officer/domain/ports/chat_notifier.hpp>

namespace officer::bot::standup {

/// The domain's chat port over Slack: renders Block Kit and sends it through the Slack API
/// (the Web API, or local mode's message store).
class SlackChatNotifier final : public domain::ChatNotifier {
 public:
  explicit SlackChatNotifier(SlackApi& slack) : slack_(slack) {}

  domain::MessageRef PostMeetingMessage(const domain::MeetingCard& card) override;
  void UpdateMeetingMessage(const domain::MessageRef& message,
                            const domain::MeetingCard& card) override;
  void SendDirectMessage(const domain::UserId& to, const domain::MeetingNotice& notice) override;
  void ReplyEphemeral(const domain::EphemeralReply& reply) override;
  void SendReminder(const domain::UserId& to, const domain::MeetingReminder& reminder) override;

 private:
  SlackApi& slack_;
};

}  // namespace officer::bot::standup
