/** One sample of a scrape: metric name, labels and value. */
export type Sample = {
  metric: string;
  labels: Record<string, string>;
  value: number;
};

const LINE =
  /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?\s*$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*,?/y;

function unescape(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

function number(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

/**
 * Parses the Prometheus text exposition format (what prom-client serves at
 * /api/scout/metrics and /api/lakehouse/metrics) into samples; comments,
 * blank lines and lines it cannot read are skipped.
 */
export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    const body = m[2] ?? '';
    LABEL.lastIndex = 0;
    let ok = true;
    while (LABEL.lastIndex < body.length) {
      const at = LABEL.lastIndex;
      const l = LABEL.exec(body);
      if (!l) {
        ok = body.slice(at).trim() === '';
        break;
      }
      labels[l[1]] = unescape(l[2]);
    }
    const value = number(m[3]);
    if (ok && !Number.isNaN(value)) {
      samples.push({ metric: m[1], labels, value });
    }
  }
  return samples;
}
