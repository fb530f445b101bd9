const SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Seconds in a duration like `90s`, `15m`, `1h` or `7d`; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,6})([smhd])$/.exec(text);
  if (!match) return undefined;
  const seconds = Number(match[1]) * SECONDS[match[2]];
  return seconds > 0 ? seconds : undefined;
}
