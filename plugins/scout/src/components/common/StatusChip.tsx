import { type Tone, ToneChip } from '@internal/backstage-plugin-scout-react';

// Run, step and dbt test statuses share one colour scale.
const TONES: Record<string, Tone> = {
  published: 'success',
  succeeded: 'success',
  pass: 'success',
  running: 'info',
  failed: 'danger',
  fail: 'danger',
  error: 'danger',
  warn: 'warning',
  warning: 'warning',
  pending: 'neutral',
  skipped: 'neutral',
};

/** A run's, step's or test's status as a coloured chip with its word. */
export function StatusChip(props: { status: string }) {
  return (
    <ToneChip tone={TONES[props.status] ?? 'neutral'} label={props.status} />
  );
}
