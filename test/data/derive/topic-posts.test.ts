import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/data/db.js';
import { splitPosts, topicPostsReader } from '../../../src/data/derive/topic-posts.js';

const b = (s: string) => Buffer.from(s);

describe('data/derive/topic-posts', () => {
  it('splits a joined topic at the posts’ byte lengths, as views of one buffer', () => {
    const blob = b('héllo🤗 bertwhere?');
    const posts = splitPosts(blob, '10,5,0,6', '1,2,5,9')!;
    expect(posts.map((p) => p.toString())).toEqual(['héllo🤗', ' bert', '', 'where?']);
    blob[11] = 0x42; // views, not copies: a change to the joined bytes shows in the post
    expect(posts[1]!.toString()).toBe(' Bert');
  });

  it('refuses a join whose post numbers do not ascend or whose lengths do not cover it', () => {
    expect(splitPosts(b('abcdef'), '3,3', '2,1')).toBeNull();
    expect(splitPosts(b('abcdef'), '3,3', '1,1')).toBeNull();
    expect(splitPosts(b('abcdef'), '3,2', '1,2')).toBeNull();
    expect(splitPosts(b('abcdef'), '3,4', '1,2')).toBeNull();
    expect(splitPosts(b('abcdef'), '3,3', '1')).toBeNull();
  });

  it('reads each topic’s posts in post order, whatever order they were stored in', () => {
    const db = openDatabase(':memory:', { create: true });
    const topic = db.prepare(
      "INSERT INTO forum_topics (id, title, category, created_at, posts_count, fetched_at) VALUES (?, 't', 'c', '2024-01', 0, '2024-01-02')",
    );
    const post = db.prepare(
      "INSERT INTO forum_posts (id, topic_id, post_number, author, created_at, text) VALUES (?, ?, ?, 'a', '2024-01', ?)",
    );
    for (const id of [1, 2, 3]) topic.run(id);
    // Post ids interleave across topics and run against post numbers, as edits and late replies do.
    post.run(10, 1, 3, 'three: ünïcode 🤗.');
    post.run(11, 2, 1, 'only post');
    post.run(12, 1, 1, 'one, LLaMA-2');
    post.run(13, 1, 2, '');
    post.run(14, 1, 7, 'seven\nlines');
    const read = topicPostsReader(db);
    const got = read([1, 2, 3]);
    expect([...got.keys()].sort()).toEqual([1, 2]); // topic 3 has no posts
    expect(got.get(1)!.map((p) => p.toString())).toEqual(['one, LLaMA-2', '', 'three: ünïcode 🤗.', 'seven\nlines']);
    expect(got.get(2)!.map((p) => p.toString())).toEqual(['only post']);
    expect(read([2]).get(1)).toBeUndefined();
  });
});
