import type { HTMLAttributes } from 'react';
import styles from './common.module.css';

/** The colour scale of every status chip in the portal. */
export type Tone = 'success' | 'danger' | 'warning' | 'info' | 'neutral';

/**
 * A status as a coloured chip with its word. Each plugin maps its own
 * statuses (a run's, a test's, an SLO's) to a tone. A chip with a sentence
 * rather than a word sets `wrap`, so it wraps on a narrow screen; other
 * attributes (role, aria-label, title) go to the chip's span.
 */
export function ToneChip(
  props: { tone: Tone; label: string; wrap?: boolean } & Omit<
    HTMLAttributes<HTMLSpanElement>,
    'className' | 'children'
  >,
) {
  const { tone, label, wrap, ...attributes } = props;
  const className = [styles.chip, wrap && styles.wrap, styles[tone]]
    .filter(Boolean)
    .join(' ');
  return (
    <span {...attributes} className={className}>
      {label}
    </span>
  );
}
