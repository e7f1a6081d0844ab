// Reference Slack app for `deploy/dev bench`, on Slack's Bolt for JavaScript with its HTTP
// receiver (HTTPReceiver, the default when no socketMode is set). It verifies every request's
// signature, answers `/standup help` with the same ephemeral usage text Officer sends, and acks
// button clicks with an empty body. processBeforeResponse stays false (Bolt's default).
//
// Environment:
//   SLACK_SIGNING_SECRET  the bench's signing secret (same as Officer's)
//   BOLT_PORT             port to listen on (default 5001)
//   BENCH_USAGE_TEXT      the usage text Officer answered for `help`, fetched at bench time
const { App, LogLevel } = require('@slack/bolt');

const signingSecret = process.env.SLACK_SIGNING_SECRET;
if (!signingSecret) {
  console.error('bolt app: SLACK_SIGNING_SECRET is required');
  process.exit(2);
}
const usage = process.env.BENCH_USAGE_TEXT || 'Usage: /standup help';
const port = Number(process.env.BOLT_PORT || 5001);

const app = new App({
  signingSecret,
  // Single-workspace mode, like Officer with SLACK_BOT_TOKEN. With the bot's ids given, Bolt
  // never calls auth.test (the bench has no real Slack; the acks measured never call the Web API).
  token: process.env.SLACK_BOT_TOKEN || 'xoxb-bench',
  botId: 'B0BENCH',
  botUserId: 'U0BENCHBOT',
  tokenVerificationEnabled: false,
  // Officer's paths; Bolt's HTTPReceiver serves only /slack/events unless told otherwise.
  endpoints: ['/slack/commands', '/slack/interactions', '/slack/events'],
  processBeforeResponse: false,
  logLevel: LogLevel.ERROR,
});

app.command('/standup', async ({ command, ack }) => {
  // The bench only sends `help`; anything else gets the same usage, as Officer does for a mistake.
  await ack({ response_type: 'ephemeral', text: usage });
});

app.action(/^standup_(accept|decline|cancel)$/, async ({ ack }) => {
  await ack();
});

app.error(async (error) => {
  console.error('bolt app error:', error && error.message);
});

(async () => {
  await app.start(port);
  console.log(`bolt app listening on port ${port}`);
})();

const stop = async () => {
  try {
    await app.stop();
  } finally {
    process.exit(0);
  }
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
