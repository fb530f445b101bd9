/**
 * What the portal's frontend plugins share, so that a time, a count, an
 * empty list, a loading list, a status or an error reads and looks the same
 * on every page.
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
export { EmptyState } from './components/EmptyState';
export { type ErrorAdvice, ErrorPanel } from './components/ErrorPanel';
export { adviseOnError } from './components/errorAdvice';
export { LoadingRows } from './components/LoadingRows';
export { type Tone, ToneChip } from './components/ToneChip';
export { BackendRequestError, errorStatus, readJson } from './request';
// Its home is scout-client, which backend modules may import too.
export {
  generatedClientOptions,
  repairSurrogateEscapes,
} from '@internal/backstage-plugin-scout-client';
