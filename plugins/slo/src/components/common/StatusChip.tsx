import { type Tone, ToneChip } from '@internal/backstage-plugin-scout-react';
import type { SloStatus } from '@internal/backstage-plugin-slo-common';

const TONES: Record<SloStatus['status'], Tone> = {
  ok: 'success',
  burning: 'warning',
  exhausted: 'danger',
  'no-data': 'neutral',
};

/** An SLO's status as a coloured chip with its word. */
export function StatusChip(props: { status: SloStatus['status'] }) {
  return (
    <ToneChip
      tone={TONES[props.status]}
      label={props.status === 'no-data' ? 'no data' : props.status}
    />
  );
}
