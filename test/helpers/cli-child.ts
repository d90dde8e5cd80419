/**
 * Runs the CLI in its own process from the TypeScript sources, for tests that must kill it:
 * `node --import tsx test/helpers/cli-child.ts mine forum --base-url ...`.
 */
import { main } from '../../src/bot/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
