import { msg } from '../messages/index.js';
import { opt } from './options.js';
import { setStatusCommand } from './code-set-status.js';

export const codeReopen = setStatusCommand(
  {
    name: 'code reopen',
    description: 'Reopen a closed coding round',
    options: { round: opt.string({ description: 'Round name or id', required: true, positional: true, max: 60 }) },
    examples: ['/code reopen r1'],
  },
  'open',
  'reopen',
  msg.coding.reopened,
);
