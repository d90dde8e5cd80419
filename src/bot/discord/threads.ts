/**
 * One private thread per rater and round (a keyed Reply thread) on Discord: created once with
 * Start Thread without Message (POST /channels/{id}/threads, type 12 PRIVATE_THREAD, invitable
 * false), the rater added with Add Thread Member (PUT /channels/{thread}/thread-members/{user}),
 * and remembered, so later topics go to the same thread. Private threads are visible only to
 * their members and to moderators with MANAGE_THREADS (discord.com/developers/docs/topics/threads);
 * the bot needs Create Private Threads and Send Messages in Threads. Posting into an archived
 * thread unarchives it; a deleted thread (10003 Unknown Channel) is replaced once.
 */
import { ChannelType, DiscordAPIError, Routes, type REST } from 'discord.js';
import type { Db } from '../../data/db.js';
import { findThread, forgetThread, saveThread } from '../../data/coding/threads.js';

const ONE_WEEK = 10080;

async function openThread(rest: REST, db: Db, key: string, channelId: string, title: string, user: string) {
  const thread = (await rest.post(Routes.threads(channelId), {
    body: {
      name: title.slice(0, 100),
      type: ChannelType.PrivateThread,
      invitable: false,
      auto_archive_duration: ONE_WEEK,
    },
  })) as { id: string };
  await rest.put(Routes.threadMembers(thread.id, user));
  saveThread(db, key, channelId, { threadId: thread.id, private: true }, new Date().toISOString());
  return thread.id;
}

/** Posts (with `post`) into the private thread of `key` in `channelId`, opening it first; returns its id. */
export async function postInPrivateThread(
  rest: REST,
  db: Db,
  t: { key: string; channelId: string; title: string; user: string },
  post: (threadId: string) => Promise<unknown>,
): Promise<string> {
  const key = `discord:${t.key}`;
  const known = findThread(db, key, t.channelId)?.threadId;
  const id = known ?? (await openThread(rest, db, key, t.channelId, t.title, t.user));
  try {
    await post(id);
    return id;
  } catch (err) {
    if (!known || !(err instanceof DiscordAPIError) || err.code !== 10003) throw err;
    forgetThread(db, key, t.channelId);
    const again = await openThread(rest, db, key, t.channelId, t.title, t.user);
    await post(again);
    return again;
  }
}
