/** A span of minutes as people say it: "40 s", "7.4 min", "11.7 h", "3.2 days". */
export const fmtMinutes = (min: number): string =>
  min < 1
    ? `${Math.max(1, Math.round(min * 60))} s`
    : min < 60
      ? `${min.toFixed(1)} min`
      : min < 48 * 60
        ? `${(min / 60).toFixed(1)} h`
        : `${(min / 1440).toFixed(1)} days`;
