/**
 * The p-th percentile of ascending `sorted` milliseconds (nearest rank, one
 * decimal), or null with no samples.
 */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = Math.min(
    sorted.length - 1,
    Math.floor((p / 100) * sorted.length),
  );
  return +sorted[rank].toFixed(1);
}
