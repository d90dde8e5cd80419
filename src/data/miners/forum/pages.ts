/** Discourse's page sizes, which the plan and the miner both count in. */

/** /latest.json topics a page (TopicQuery::DEFAULT_PER_PAGE_COUNT). */
export const TOPICS_PAGE = 30;
/** /posts.json posts a page (LatestPostsQuery::PAGE_SIZE). */
export const POSTS_PAGE = 50;
