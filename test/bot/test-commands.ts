/**
 * Test-only commands for the adapter tests: a counter (to prove nothing ran), an echo of the
 * caller (to prove answers reach the right user), one that throws, one that never finishes,
 * and one with a chart spec.
 */
import { defineCommand, type Command } from '../../src/commands/types.js';
import { opt } from '../../src/commands/options.js';
import { commands as registry } from '../../src/commands/index.js';

export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const isPng = (b: Uint8Array) =>
  Buffer.from(b.subarray(0, 8)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
export const stubRender = async () => PNG_1X1;

export function testCommands() {
  const runs: string[] = [];
  const list = [
    defineCommand({
      definition: {
        name: 'echo',
        description: 'Says who asked',
        options: { n: opt.integer({ description: 'A number', positional: true, required: true, min: 0, max: 1000 }) },
      },
      execute(ctx) {
        runs.push(`echo ${ctx.user.id}`);
        return {
          text: `echo ${ctx.args.n} for ${ctx.user.id}`,
          data: { n: ctx.args.n, user: ctx.user.id },
          provenance: null,
        };
      },
    }),
    defineCommand({
      definition: { name: 'boom', description: 'Throws', options: {} },
      execute() {
        runs.push('boom');
        throw new Error('kaboom: a bug in a command');
      },
    }),
    defineCommand({
      definition: { name: 'slow', description: 'Never finishes in time', options: {} },
      execute() {
        runs.push('slow');
        return new Promise((resolve) =>
          setTimeout(() => resolve({ text: 'too late', data: {}, provenance: null }), 5000).unref(),
        );
      },
    }),
    defineCommand({
      definition: {
        name: 'plot',
        description: 'A reply with a chart, a table and controls',
        options: {
          kind: opt.choice({ description: 'Kind', choices: ['bar', 'line'] as const, default: 'bar' }),
          model: opt.model({ description: 'Model type' }),
        },
      },
      execute(ctx) {
        runs.push(`plot ${ctx.args.kind}`);
        return {
          text: `A ${ctx.args.kind} chart`,
          table: {
            columns: ['month', 'n'],
            rows: [
              ['2021-01', 3],
              ['2021-02', 5],
            ],
          },
          chart: {
            $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
            mark: ctx.args.kind,
            data: { values: [{ month: '2021-01', n: 3 }] },
            encoding: { x: { field: 'month' }, y: { field: 'n', type: 'quantitative' } },
          },
          data: {},
          provenance: { datasetVersion: 'test-1', sources: ['unit test'], n: 2 },
          actions: [
            {
              type: 'select',
              id: 'pick',
              placeholder: 'Pick a number',
              command: 'echo {value}',
              options: [
                { label: 'seven', value: '7' },
                { label: 'eight', value: '8' },
              ],
            },
            { type: 'button', id: 'again', label: 'Line chart', command: 'plot kind:line', style: 'primary' },
          ],
        };
      },
    }),
    defineCommand({
      definition: {
        name: 'probe thread',
        description: 'A subcommand with a thread',
        options: { topic: opt.integer({ description: 'Topic id', positional: true, required: true, min: 1 }) },
      },
      execute(ctx) {
        runs.push(`probe thread ${ctx.args.topic}`);
        return {
          text: `Topic ${ctx.args.topic}`,
          data: {},
          provenance: null,
          thread: { title: `Coding round ${ctx.args.topic}` },
        };
      },
    }),
  ] as unknown as Command[];
  return { commands: [...registry, ...list] as readonly Command[], runs };
}
