/** The /code subcommands (issue 7), spread into the registry in index.ts. */
import { codePlan } from './code-plan.js';
import { codeStart } from './code-start.js';
import { codeNext } from './code-next.js';
import { codeLabel } from './code-label.js';
import { codeSkip } from './code-skip.js';
import { codeStatus } from './code-status.js';
import { codeAgreement } from './code-agreement.js';
import { codeDisagreements } from './code-disagreements.js';
import { codeResolve } from './code-resolve.js';
import { codeSaturation } from './code-saturation.js';
import { codeExport } from './code-export.js';
import { codeClose } from './code-close.js';
import { codeReopen } from './code-reopen.js';
import { codePurpose } from './code-purpose.js';

export const codeCommands = [
  codePlan,
  codeStart,
  codeNext,
  codeLabel,
  codeSkip,
  codeStatus,
  codeAgreement,
  codeDisagreements,
  codeResolve,
  codeSaturation,
  codeExport,
  codeClose,
  codeReopen,
  codePurpose,
] as const;
