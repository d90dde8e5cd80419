/**
 * What every command answers with, and what every adapter, job and renderer consumes: a
 * transport-free Reply. It sits at the bottom of the layers so that nothing has to reach up
 * into the command core to describe an answer.
 */

export interface Provenance {
  /** e.g. 'saner2024-3f2a9c1d' (the replication package) or 'mined-2026-11-22-...'. */
  datasetVersion: string;
  /** Human-readable sources: 'SANER 2024 replication package: Forums_Model_Mentions_Over_Time.csv'. */
  sources: string[];
  window?: { from: string; to: string } | null;
  /** Sample size behind the headline number (topics, months, codes...). */
  n?: number | null;
  note?: string;
}

export interface ReplyTable {
  columns: string[];
  rows: (string | number | null)[][];
  /**
   * Set when `rows` are only the first of a longer table (e.g. 25 of 44,850 rater pairs): the
   * Reply file named `file` holds all `rows` of it, so adapters attach that instead of these.
   */
  complete?: { file: string; rows: number };
}

/**
 * An interactive control. Choosing an option (or pressing the button) runs `command`
 * with `{value}` replaced, as the user who chose it; adapters render selects/buttons.
 */
export type ReplyAction =
  | {
      type: 'select';
      id: string;
      placeholder: string;
      command: string;
      options: { label: string; value: string; description?: string }[];
    }
  | { type: 'button'; id: string; label: string; command: string; style?: 'primary' | 'secondary' | 'danger' };

export interface ReplyFile {
  name: string;
  contentType: string;
  content: string | Uint8Array;
}

/** How a chart is named where it is posted; built with chartName() in src/commands/chart-name.ts. */
export interface ChartName {
  /** A safe file name: lowercase letters, digits, dots and dashes, ending in .png. */
  file: string;
  title: string;
}

export interface Reply {
  text: string;
  table?: ReplyTable;
  /** A Vega-Lite top-level spec; rendered to PNG by src/render. */
  chart?: Record<string, unknown> | null;
  /**
   * The chart's file name (`trend-llama.png`) and title ("/trend llama: forum mentions vs Hub
   * uploads"): Slack's file title, Discord's attachment name and description (alt text), the web
   * chat's download name.
   */
  chartName?: ChartName;
  data: Record<string, unknown>;
  provenance: Provenance | null;
  /** Errors and private confirmations are shown only to the caller where the platform can. */
  ephemeral?: boolean;
  /**
   * Post this reply in a thread (coding rounds). With a `key`, every reply with the same key
   * (and channel) goes to the same thread; `private` asks for a thread only the caller sees
   * (a Discord private thread; on Slack a message only the caller sees, inside the thread).
   */
  thread?: { title: string; key?: string; private?: boolean };
  actions?: ReplyAction[];
  files?: ReplyFile[];
  error?: { code: string; message: string };
}
