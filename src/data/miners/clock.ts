/** A clock whose sleeps return at once but advance time: tests check rate limits without waiting. */
export function virtualClock(start = 0): { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[] } {
  let t = start;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
    slept,
  };
}
