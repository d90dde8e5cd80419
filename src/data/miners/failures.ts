/**
 * When a mining run must stop rather than skip: a refused login or token, a wrong URL, or the same
 * kind of failure several times in a row (a CDN challenge page, a forum gone login-only mid-run).
 * Each stop names the URL and the status; the CLI turns it into a failed run (exit 1), never into
 * "0 read".
 */
import { HfbotError } from '../../errors.js';
import { mining } from '../../messages/mining.js';
import type { HttpResponse } from './http.js';

export class MineStoppedError extends HfbotError {
  constructor(
    readonly url: string,
    readonly status: number | null,
    message: string,
    hint?: string,
  ) {
    super('E_NETWORK', message, { hint, details: { url, status } });
  }
}

/** Discourse's JSON error shape (render_json_error): `{"errors": [...], "error_type": "..."}`. */
export function discourseError(res: HttpResponse): { type: string | null; message: string | null } | null {
  if (!res.body.trimStart().startsWith('{')) return null;
  try {
    const j = JSON.parse(res.body) as { errors?: unknown; error_type?: unknown };
    if (!Array.isArray(j.errors) && typeof j.error_type !== 'string') return null;
    return {
      type: typeof j.error_type === 'string' ? j.error_type : null,
      message: Array.isArray(j.errors) && typeof j.errors[0] === 'string' ? j.errors[0] : null,
    };
  } catch {
    return null;
  }
}

/**
 * The Hub answers 401 to a bad token on every request (huggingface_hub utils/_http.py: the
 * X-Error-Message "Invalid credentials in Authorization header") and 403 to a token without the
 * right scope. Neither gets better by retrying.
 */
export function hubAuthStop(res: HttpResponse): MineStoppedError | null {
  // The model list is one fixed path: a 404 or 410 there is a wrong base URL (or a proxy in the
  // way), and a cursor cannot skip past it. Stop at once, as for the forum.
  if (res.status === 404 || res.status === 410)
    return new MineStoppedError(res.url, res.status, mining.hubNotFound(res.url, res.status), mining.hubUrlHint);
  if (res.status !== 401 && res.status !== 403) return null;
  const said = res.headers.get('x-error-message');
  return new MineStoppedError(
    res.url,
    res.status,
    mining.hubRefused(res.url, res.status, said),
    res.status === 401 ? mining.hubTokenHint : mining.hubScopeHint,
  );
}

/**
 * A listing (forum /latest.json, /posts.json) that is refused or missing stops the run: a forum
 * that needs a login answers 403 with error_type "not_logged_in" (ApplicationController rescues
 * Discourse::NotLoggedIn that way for JSON), a CDN challenge answers 403 with an HTML page, and a
 * wrong base URL answers 404.
 */
export function forumListingStop(res: HttpResponse): MineStoppedError | null {
  if (res.status !== 401 && res.status !== 403 && res.status !== 404 && res.status !== 410) return null;
  const err = discourseError(res);
  const why =
    err?.type === 'not_logged_in' || res.status === 401
      ? mining.forumLoginRequired
      : err
        ? (err.message ?? err.type ?? '')
        : mining.notDiscourse(res.headers.get('content-type'));
  return new MineStoppedError(res.url, res.status, mining.forumRefused(res.url, res.status, why), mining.forumUrlHint);
}

/** Stops after `max` failures of the same kind in a row; any success resets it. */
export class FailureBound {
  private kind = '';
  private count = 0;
  constructor(private readonly max = 3) {}

  ok(): void {
    this.count = 0;
    this.kind = '';
  }

  fail(kind: string, url: string, status: number | null, detail: string): void {
    this.count = kind === this.kind ? this.count + 1 : 1;
    this.kind = kind;
    if (this.count >= this.max)
      throw new MineStoppedError(url, status, mining.sameFailure(this.count, url, status, detail), mining.tryLater);
  }
}
