/** Polls `pred` until it returns something truthy, or fails after `ms` naming `what`: bounded, never hangs a test. */
export async function waitFor<T>(what: string, pred: () => T | undefined | false | null, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = pred();
    if (v) return v;
    if (Date.now() > until) throw new Error(`${what}: condition not met in time`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
