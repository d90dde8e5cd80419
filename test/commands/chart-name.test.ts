import { beforeAll, describe, expect, it } from 'vitest';
import { chartFileName, chartName, given, sourceArg } from '../../src/commands/chart-name.js';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import type { Services } from '../../src/commands/types.js';
import { testServices, testUser } from '../helpers/dataset.js';

let services: Services;
beforeAll(async () => {
  services = await testServices();
});
const ask = (text: string) => runCommandText(text, { user: testUser(), services }, commands);
const SAFE = /^[a-z0-9][a-z0-9.-]*\.png$/;

describe('commands/chart-name', () => {
  it('makes file names safe for a header, a Slack filename and attachment://', () => {
    expect(chartFileName(['trend', 'llama'])).toBe('trend-llama.png');
    expect(chartFileName(['trend', 'time_series_transformer'])).toBe('trend-time-series-transformer.png');
    expect(chartFileName(['code', 'agreement', '../../etc/passwd'])).toBe('code-agreement-.-.-etc-passwd.png');
    expect(chartFileName(['code agreement', 'r"1\r\n; x=y'])).toBe('code-agreement-r-1-x-y.png');
    expect(chartFileName(['ünïcode', '名前'])).toBe('n-code.png');
    expect(chartFileName(['', '---'])).toBe('chart.png');
    expect(chartFileName(['x'.repeat(200)])).toMatch(/^x{80}\.png$/);
    for (const f of ['trend-llama.png', chartFileName(['a..b', '.hidden.'])]) expect(f).toMatch(SAFE);
  });

  it('titles the chart with the command line and what it shows', () => {
    expect(chartName('trend', ['llama', given('from', '2022-01'), undefined], 'forum mentions vs Hub uploads')).toEqual(
      {
        file: 'trend-llama-from-2022-01.png',
        title: '/trend llama from:2022-01: forum mentions vs Hub uploads',
      },
    );
    expect(given('top', undefined)).toBeUndefined();
    expect(given('significant', false)).toBeUndefined();
    expect(sourceArg('paper')).toBeUndefined();
    expect(sourceArg('mined')).toBe('source:mined');
  });

  it.each([
    ['/trend LLaMa', 'trend-llama.png', '/trend llama: forum mentions vs Hub uploads'],
    ['/trend xlm roberta to:2022-12', 'trend-xlm-roberta-to-2022-12.png', '/trend xlm-roberta to:2022-12: '],
    ['/trend bert, roberta', 'trend-bert-roberta.png', '/trend bert roberta: forum mentions and Hub uploads per month'],
    ['/trend bart scale:linear', 'trend-bart-scale-linear.png', '/trend bart scale:linear: '],
    ['/trends', 'trends.png', '/trends: '],
    ['/popular top:8', 'popular-top-8.png', '/popular top:8: '],
    ['/cards', 'cards.png', '/cards: models created per month'],
    ['/cards 2022-01 2023-05', 'cards-2022-01-2023-05.png', '/cards 2022-01 2023-05: '],
    ['/challenges', 'challenges.png', '/challenges: '],
    ['/challenges beginner', 'challenges-level-beginner.png', '/challenges level:beginner: '],
    ['/benefits top:3', 'benefits-top-3.png', '/benefits top:3: '],
    [
      '/challenges level:compare',
      'challenges-level-compare.png',
      '/challenges level:compare: beginner vs intermediate',
    ],
    ['/rootcauses', 'rootcauses.png', '/rootcauses: '],
  ])('%s posts %s', async (cmd, file, title) => {
    const r = await ask(cmd);
    expect(r.error).toBeUndefined();
    expect(r.chart).toBeTruthy();
    expect(r.chartName?.file).toBe(file);
    expect(r.chartName?.file).toMatch(SAFE);
    expect(r.chartName?.title.startsWith(title)).toBe(true);
  });
});
