import { msg } from '../messages/index.js';
import { roundOption } from './code-common.js';
import { setStatusCommand } from './code-set-status.js';

export const codeClose = setStatusCommand(
  {
    name: 'code close',
    description: 'Close a coding round: labels become final and visible',
    options: { round: roundOption(true) },
    examples: ['/code close r1'],
  },
  'closed',
  'close',
  msg.coding.closed,
);
