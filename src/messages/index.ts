/**
 * Every user-facing string, gathered by area (vega-lite's log/message.ts). Areas live in
 * their own files so parallel work does not collide; add an area here.
 */
import { cli } from './cli.js';
import { coding } from './coding.js';
import { config } from './config.js';
import { core } from './core.js';
import { dataset } from './dataset.js';
import { ingest } from './ingest.js';
import { platforms } from './platforms.js';
import { mining } from './mining.js';
import { web } from './web.js';
import { series } from './series.js';
import { taxonomy } from './taxonomy.js';
import { trends } from './trends.js';
import { forum } from './forum.js';

export const msg = {
  core,
  config,
  cli,
  dataset,
  ingest,
  platforms,
  coding,
  mining,
  web,
  series,
  taxonomy,
  trends,
  forum,
};
