/**
 * What the portal's frontend plugins share, so that a time, a span or a
 * count reads the same on every page.
 *
 * @packageDocumentation
 */

export {
  type DateLike,
  formatClock,
  formatCount,
  formatDuration,
  formatSeconds,
  formatTime,
} from './format';
