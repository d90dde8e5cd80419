/**
 * The injected logger. Library code never writes to the console; it logs through
 * whatever Logger the entry point hands it (JSON lines in production, nothing in tests).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; defaults to stderr so stdout stays clean for command output. */
  write?: (line: string) => void;
  format?: 'json' | 'pretty';
  base?: LogFields;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const min = ORDER[opts.level ?? 'info'];
  const write = opts.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const format = opts.format ?? 'pretty';
  const base = opts.base ?? {};
  const emit = (level: LogLevel, msg: string, fields?: LogFields): void => {
    if (ORDER[level] < min) return;
    const all = { ...base, ...fields };
    if (format === 'json') {
      write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...all }, errorReplacer));
    } else {
      const extra = Object.keys(all).length ? ` ${JSON.stringify(all, errorReplacer)}` : '';
      write(`[hfbot] ${level}: ${msg}${extra}`);
    }
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger({ ...opts, base: { ...base, ...fields } }),
  };
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** A logger that records lines in memory; tests assert on what was logged. */
export function memoryLogger(
  level: LogLevel = 'debug',
): Logger & { lines: { level: LogLevel; msg: string; fields?: LogFields }[] } {
  const lines: { level: LogLevel; msg: string; fields?: LogFields }[] = [];
  const make = (base: LogFields): Logger => {
    const rec = (l: LogLevel) => (msg: string, fields?: LogFields) => {
      if (ORDER[l] >= ORDER[level]) lines.push({ level: l, msg, fields: { ...base, ...fields } });
    };
    return {
      debug: rec('debug'),
      info: rec('info'),
      warn: rec('warn'),
      error: rec('error'),
      child: (f) => make({ ...base, ...f }),
    };
  };
  return Object.assign(make({}), { lines });
}

export const silentLogger: Logger = createLogger({ write: () => undefined, level: 'error' });
