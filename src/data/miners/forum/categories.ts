/** Category names come from /categories.json, asked at most once a run and only for an unknown id. */
import { MalformedResponseError, parseJsonBody } from '../response.js';
import type { ForumRun } from './context.js';
import { Categories, parseAs } from './parse.js';

export async function fetchCategories(run: ForumRun): Promise<void> {
  run.categoriesFetched = true;
  const url = `${run.base}/categories.json?include_subcategories=true`;
  try {
    const json = parseJsonBody(await run.o.http.get(url));
    const rows: { id: number; name: string; slug: string | null; parentId: number | null }[] = [];
    const walk = (list: unknown[], parentId: number | null) => {
      for (const c of parseAs(Categories, { category_list: { categories: list } }, url).category_list.categories) {
        rows.push({ id: c.id, name: c.name, slug: c.slug ?? null, parentId });
        if (c.subcategory_list?.length) walk(c.subcategory_list, c.id);
      }
    };
    walk(parseAs(Categories, json, url).category_list.categories, null);
    run.topics.putCategories(rows);
  } catch (err) {
    // Names are a convenience: topics keep their category_id and get the name on a later run.
    if (!(err instanceof MalformedResponseError)) throw err;
    run.warn(url, 'categories', err.message);
  }
}
