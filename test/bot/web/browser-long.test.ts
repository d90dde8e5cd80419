/**
 * Issue 13 item 3 as a person sees it, in Debian's Chromium (playwright-core): every command's
 * answer in the web chat at phone width (375 px) without the page scrolling sideways, wide
 * tables scrolling inside their bubble, long cells wrapped and expandable, links that are links
 * (only http(s), whatever a cell holds), and a download for every file, /code export's included.
 * Screenshots at desktop and 375 px go to test-output/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createWebChat, type RunningWeb } from '../../../src/bot/web/server.js';
import { commands } from '../../../src/commands/index.js';
import { defineCommand, type Command } from '../../../src/commands/types.js';
import { testServices } from '../../helpers/dataset.js';
import { ROOT } from '../../helpers/paths.js';
import { PNG_1X1 } from '../test-commands.js';
import { everyCommand, type Answer } from '../every-command.js';

/** Cells a user could have typed: only the http(s) one may become a link. */
const hostile = defineCommand({
  definition: { name: 'links', description: 'Cells that look like links', options: {} },
  execute: () => ({
    text: 'See https://discuss.huggingface.co/t/639, or javascript:alert(1).',
    table: {
      columns: ['what', 'cell'],
      rows: [
        ['https', 'https://discuss.huggingface.co/t/639'],
        ['script', 'javascript:alert(document.domain)'],
        ['data', 'data:text/html,<script>alert(1)</script>'],
        ['markup', '<img src=x onerror=alert(1)>'],
        ['quote', 'https://example.org/a?b="><script>alert(1)</script>'],
      ],
    },
    data: {},
    provenance: null,
  }),
}) as unknown as Command;

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const OUT = path.join(ROOT, 'test-output');

let services: Awaited<ReturnType<typeof testServices>>;
let answers: Answer[];
let web: RunningWeb;
let browser: Browser;
let page: Page;

async function send(text: string): Promise<void> {
  const before = await page.locator('#log > li').count();
  await page.fill('#command', text);
  await page.keyboard.press('Escape');
  await page.click('#send');
  await page.waitForFunction(
    (n) => document.querySelectorAll('#log > li').length >= n + 2 && !document.querySelector('#log .pending'),
    before,
  );
}
const last = () => page.locator('#log > li.msg.bot').last();

/** The last answer alone, without the fixed composer over it. */
async function shot(name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.evaluate(() => document.querySelector<HTMLElement>('.composer')!.style.setProperty('display', 'none'));
  // In page coordinates over the full page: an element screenshot of a tall bubble scrolls it under the page top.
  const r = await last().evaluate((e) => {
    const b = e.getBoundingClientRect();
    return { x: b.x + window.scrollX, y: b.y + window.scrollY, width: b.width, height: b.height };
  });
  await page.screenshot({ path: path.join(OUT, name), fullPage: true, clip: r });
  await page.evaluate(() => document.querySelector<HTMLElement>('.composer')!.style.removeProperty('display'));
}

describe.skipIf(!haveChromium)('bot/web/browser (long answers)', () => {
  beforeAll(async () => {
    services = await testServices();
    answers = await everyCommand(services, { platform: 'web', olga: 'olga' });
    web = await createWebChat(services, {
      host: '127.0.0.1',
      port: 0,
      limiter: null,
      commands: [...commands, hostile],
      renderPng: async () => PNG_1X1,
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({
      viewport: { width: 375, height: 800 },
      reducedMotion: 'reduce',
      acceptDownloads: true,
    });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => services.logger.error('page error', { err }));
    await page.goto(web.url);
    await page.fill('#user', 'olga');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    services?.db.close();
  });

  it('shows every answer at 375 px without the page scrolling sideways; tables scroll inside their bubble', async () => {
    for (const { line, user } of answers) {
      await page.fill('#user', user);
      await send(line);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, line).toBeLessThanOrEqual(375);
      const box = await last().boundingBox();
      expect(box!.x + box!.width, line).toBeLessThanOrEqual(375);
    }
    // The 3-column /trend table fits whole at 375 px; /trends (7 columns) scrolls inside its bubble.
    await send('/trend llama');
    const fit = await last()
      .locator('.table-wrap')
      .evaluate((w) => [w.scrollWidth, w.clientWidth]);
    expect(fit[0]).toBeLessThanOrEqual(fit[1]!);
    await shot('web-375-trend.png');
    await send('/trends');
    const wide = await last()
      .locator('.table-wrap')
      .evaluate((w) => [w.scrollWidth, w.clientWidth]);
    expect(wide[0]).toBeGreaterThan(wide[1]!);
    expect(await last().locator('tbody tr').count()).toBe(144);
    await shot('web-375-trends.png');
    // About 35 answers one after another in a real browser: minutes on a loaded 2-core machine.
  }, 180_000);

  it('wraps long cells and expands the longest on "more"', async () => {
    await page.setViewportSize({ width: 1100, height: 1000 });
    await send('/taxonomy');
    const cell = last().locator('td.long').filter({ hasText: 'Issues regarding understanding of the user' }).first();
    const lines = async () =>
      cell.evaluate((td) => Math.round(td.querySelector('.clamp')!.getBoundingClientRect().height / 16));
    const clamped = await lines();
    const more = cell.getByRole('button', { name: 'more' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await cell.getByRole('button', { name: 'less' }).getAttribute('aria-expanded')).toBe('true');
    expect(await lines()).toBeGreaterThan(clamped);
    // The whole definition is in the page, wrapped inside the cell's width.
    const { scroll, client } = await cell.evaluate((td) => ({ scroll: td.scrollWidth, client: td.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    await shot('web-taxonomy.png');
    await page.setViewportSize({ width: 375, height: 800 });
    await send('/taxonomy');
    await shot('web-375-taxonomy.png');
  });

  it('links http(s) URLs in text and tables, and nothing else a cell may hold', async () => {
    await page.setViewportSize({ width: 1100, height: 1000 });
    await send('/examples C1');
    const link = last().locator('td a[href="https://discuss.huggingface.co/t/639"]');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await last().locator('.text a').count()).toBeGreaterThan(0);
    await shot('web-examples.png');
    await send('/links');
    const hrefs = await last()
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.filter((h) => !h?.startsWith('/api/'))).toEqual([
      'https://discuss.huggingface.co/t/639',
      'https://discuss.huggingface.co/t/639',
      // A link ends where a quote or markup starts; the rest stays text.
      'https://example.org/a?b=',
    ]);
    // Markup in a cell is text: no element was made from it.
    expect(await last().locator('img, script').count()).toBe(0);
    expect(await last().locator('td').filter({ hasText: '<img src=x onerror=alert(1)>' }).count()).toBe(1);
  });

  it('offers /code export as a download and saves the CSV it names', async () => {
    await page.setViewportSize({ width: 1100, height: 1000 });
    await send('/code export r1');
    const link = last().getByRole('link', { name: /^Download r1-codes\.csv/ });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('r1-codes.csv');
    const saved = readFileSync((await download.path())!, 'utf8');
    expect(saved.split('\r\n')[0]).toBe('Topic#,Tag,Code,rater,category,subcategory,rater id');
    await shot('web-code-export.png');
    // On a phone the download stays a link inside the bubble, and the page does not scroll sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(
      await last()
        .getByRole('link', { name: /^Download r1-codes\.csv/ })
        .isVisible(),
    ).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot('web-375-code-export.png');
    await send('/code agreement crowd');
    expect(await last().locator('tbody tr').count()).toBe(25);
    expect(await last().locator('.table-note').innerText()).toBe(
      'First 25 of 44,850 rows; all 44,850 are in crowd-pairs.csv.',
    );
    await shot('web-375-agreement-crowd.png');
    await page.setViewportSize({ width: 1100, height: 1000 });
    await shot('web-agreement-crowd.png');
  });
});
