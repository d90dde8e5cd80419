/**
 * The token page in Debian's Chromium (playwright-core), at desktop width and at 375 px: the
 * chat stays locked until the right token is entered, a wrong one says so, the session survives
 * a reload, and the token never shows up in a URL or in script-readable cookies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createWebChat, type RunningWeb } from '../../../src/bot/web/server.js';
import { testServices } from '../../helpers/dataset.js';
import { ROOT } from '../../helpers/paths.js';
import { testCommands } from '../test-commands.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`bot/web/browser-token: SKIPPED, ${CHROMIUM} is missing (apt-get install -y chromium)`);

const OUT = path.join(ROOT, 'test-output');
const TOKEN = 'team-token-4f1c9a7e2b8d';

let services: Awaited<ReturnType<typeof testServices>>;
let web: RunningWeb;
let browser: Browser;

describe.skipIf(!haveChromium)('bot/web/browser-token', () => {
  beforeAll(async () => {
    services = await testServices();
    web = await createWebChat(services, {
      host: '127.0.0.1',
      port: 0,
      limiter: null,
      token: TOKEN,
      commands: testCommands().commands,
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    services?.db.close();
  });

  it.each([
    ['desktop', 1100, 800],
    ['phone', 375, 740],
  ])('locks the chat until the token is entered (%s)', async (name, width, height) => {
    const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(web.url);
    await page.locator('#login').waitFor({ state: 'visible' });
    expect(await page.locator('#command').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('token');

    await page.fill('#token', 'a-wrong-token-123456');
    await page.click('#unlock');
    await expect.poll(() => page.locator('#login-error').innerText()).toContain('not right');
    await page.screenshot({ path: path.join(OUT, `web-token-${name}.png`) });
    // Nothing overflows sideways at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    await page.fill('#token', TOKEN);
    await page.keyboard.press('Enter');
    await page.locator('#command').waitFor({ state: 'visible' });
    expect(await page.locator('#login').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('command');
    await page.fill('#user', 'ann');
    await page.fill('#command', '/echo 4');
    await page.keyboard.press('Escape');
    await page.click('#send');
    await expect.poll(() => page.locator('#log .msg.bot .text').last().innerText()).toBe('echo 4 for ann');

    // The session is a cookie script cannot read; a reload stays unlocked.
    expect(await page.evaluate(() => document.cookie)).not.toContain('hfbot_session');
    await page.reload();
    await page.locator('#command').waitFor({ state: 'visible' });
    expect(await page.locator('#login').isHidden()).toBe(true);
    await page.screenshot({ path: path.join(OUT, `web-token-${name}-unlocked.png`) });

    expect(urls.length).toBeGreaterThan(3);
    for (const u of urls) expect(u).not.toContain(TOKEN);
    await context.close();
  });
});
