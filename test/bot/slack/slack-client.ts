/**
 * A person using Slack, for end-to-end tests against the fake: signed slash commands and
 * block_actions payloads built the way Slack sends them (api.slack.com/reference/interaction-payloads/block-actions).
 */
import type { FakeSlack } from '../../helpers/fake-slack.js';
import { slackSignature, slashBody } from '../../helpers/fake-slack.js';

export const SECRET = 'test-signing-secret';

interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: {
    type: string;
    action_id: string;
    value?: string;
    options?: { value: string; text: { text: string } }[];
  }[];
}

export function slackClient(fake: FakeSlack, url: () => string) {
  let seq = 0;
  async function signed(body: string): Promise<Response> {
    const ts = Math.floor(Date.now() / 1000);
    return fetch(url(), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': slackSignature(SECRET, ts, body),
      },
      body,
    });
  }
  /** `/hfbot <text>` typed by `user`; returns the response_url id of the command. */
  async function slash(user: string, text: string, command = '/hfbot'): Promise<string> {
    const id = `cmd-${++seq}`;
    const res = await signed(slashBody({ command, text, user, responseUrl: fake.responseUrl(id) }));
    if (res.status !== 200) throw new Error(`slash command answered ${res.status}`);
    return id;
  }
  /**
   * Uses a control of a message: an ephemeral one (no `message` in the payload, container says
   * is_ephemeral) or a public one. `pick` is the option value for a select. Returns the response_url id.
   */
  async function use(
    user: string,
    where: { ephemeral: true; blocks: Block[]; thread_ts?: string } | { ephemeral: false; ts: string; blocks: Block[] },
    actionPrefix: string,
    pick?: string,
  ): Promise<string> {
    const block = where.blocks.find((b) => b.elements?.some((e) => e.action_id?.startsWith(actionPrefix)));
    const el = block?.elements?.find((e) => e.action_id?.startsWith(actionPrefix));
    if (!block || !el) throw new Error(`no control ${actionPrefix} in ${JSON.stringify(where.blocks).slice(0, 300)}`);
    const id = `act-${++seq}`;
    const option = pick === undefined ? undefined : el.options?.find((o) => o.value === pick);
    if (pick !== undefined && !option) throw new Error(`no option ${pick}`);
    const action =
      el.type === 'static_select'
        ? {
            type: 'static_select',
            action_id: el.action_id,
            block_id: block.block_id,
            selected_option: option,
            action_ts: '1',
          }
        : { type: 'button', action_id: el.action_id, block_id: block.block_id ?? 'b', value: el.value, action_ts: '1' };
    const container = where.ephemeral
      ? {
          type: 'message',
          message_ts: '1700000001.000000',
          channel_id: 'C000',
          is_ephemeral: true,
          ...(where.thread_ts ? { thread_ts: where.thread_ts } : {}),
        }
      : { type: 'message', message_ts: where.ts, channel_id: 'C000', is_ephemeral: false };
    const payload = {
      type: 'block_actions',
      user: { id: user, username: user.toLowerCase(), team_id: 'T000' },
      api_app_id: 'A000',
      team: { id: 'T000' },
      channel: { id: 'C000', name: 'research' },
      container,
      ...(where.ephemeral ? {} : { message: { ts: where.ts, text: 'x', blocks: where.blocks } }),
      response_url: fake.responseUrl(id),
      trigger_id: 't',
      actions: [action],
    };
    const res = await signed(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    if (res.status !== 200) throw new Error(`action answered ${res.status}`);
    return id;
  }
  const response = (id: string) => fake.waitFor(() => fake.responses.find((r) => r.id === id));
  return { slash, use, response };
}

export type { Block as SlackBlock };
