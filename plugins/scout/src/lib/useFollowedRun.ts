import { useApi } from '@backstage/frontend-plugin-api';
import type { PipelineRunDetail } from '@internal/backstage-plugin-scout-client';
import { useCallback, useEffect, useState } from 'react';
import { scoutApiRef } from '../api';

/** How often a running run is read again, in milliseconds. */
export const FOLLOW_INTERVAL_MS = 2000;

export type FollowedRun = {
  /** The run as last read; kept when a later read fails. */
  run?: PipelineRunDetail;
  /** The last read's failure, if it failed (following then stops). */
  error?: Error;
  loading: boolean;
  /** Reads the run again and resumes following it. */
  retry: () => void;
};

/**
 * One run, read again every {@link FOLLOW_INTERVAL_MS} while its status is
 * `running`, until it is published or failed.
 */
export function useFollowedRun(
  runId: string,
  intervalMs: number = FOLLOW_INTERVAL_MS,
): FollowedRun {
  const api = useApi(scoutApiRef);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<FollowedRun, 'retry'>>({
    loading: true,
  });

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        const run = await api.getRun(runId);
        if (cancelled) return;
        setState({ run, loading: false });
        if (run.status === 'running') timer = setTimeout(read, intervalMs);
      } catch (error) {
        if (cancelled) return;
        setState(prev => ({
          run: prev.run?.runId === runId ? prev.run : undefined,
          error: error as Error,
          loading: false,
        }));
      }
    };
    setState(prev => ({
      run: prev.run?.runId === runId ? prev.run : undefined,
      loading: true,
    }));
    read();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, runId, intervalMs, attempt]);

  const retry = useCallback(() => setAttempt(n => n + 1), []);
  return { ...state, retry };
}
