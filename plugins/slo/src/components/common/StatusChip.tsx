import type { SloStatus } from '@internal/backstage-plugin-slo-common';
import styles from './common.module.css';

type Tone = 'success' | 'danger' | 'warning' | 'neutral';

const TONES: Record<SloStatus['status'], Tone> = {
  ok: 'success',
  burning: 'warning',
  exhausted: 'danger',
  'no-data': 'neutral',
};

/** An SLO's status as a coloured chip with its word. */
export function StatusChip(props: { status: SloStatus['status'] }) {
  const tone = TONES[props.status] ?? 'neutral';
  return (
    <span className={`${styles.chip} ${styles[tone]}`}>
      {props.status === 'no-data' ? 'no data' : props.status}
    </span>
  );
}
