/**
 * What `hfbot serve` can run. Each adapter exports a starter that returns null when its
 * platform is not configured (logging why), so serve never crashes for missing credentials.
 */
import type { Services } from '../services.js';

export interface RunningPlatform {
  name: string;
  /** Where a person can reach it, if anywhere (the web chat's URL). */
  url?: string;
  close(): Promise<void>;
}

export type PlatformStarter = (
  services: Services,
  opts: { web?: boolean; port?: number; host?: string },
) => Promise<RunningPlatform | null>;
