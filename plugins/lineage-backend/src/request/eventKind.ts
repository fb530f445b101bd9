import { InputError } from '@backstage/errors';

/**
 * What an OpenLineage event without a run is, by the spec's 2-0-x types: a
 * DatasetEvent carries `dataset`, a JobEvent a `job` and its datasets.
 */
function staticKind(event: unknown): string | undefined {
  if (!event || typeof event !== 'object' || 'run' in event) return undefined;
  if ('dataset' in event) return 'DatasetEvent';
  if ('job' in event) return 'JobEvent';
  return undefined;
}

/**
 * Express middleware for the event routes: a DatasetEvent or JobEvent
 * (which OpenLineage clients send to the same URL) is a 400 that says so,
 * instead of the validator's "must have required property 'run'". The
 * store records what runs did; a job's or dataset's static metadata goes
 * in a RunEvent of the job that writes or reads it.
 */
export function refuseStaticEvents(
  req: { method?: string; path?: string; body?: unknown },
  _res: unknown,
  next: (error?: unknown) => void,
) {
  let events: (readonly [unknown, string])[] = [];
  if (req.method === 'POST' && req.path === '/api/v1/lineage') {
    events = [[req.body, 'request/body']];
  } else if (req.method === 'POST' && req.path === '/api/v1/lineage/batch') {
    events = Array.isArray(req.body)
      ? req.body.map((e, i) => [e, `request/body/${i}`] as const)
      : [];
  }
  for (const [event, at] of events) {
    const kind = staticKind(event);
    if (kind) {
      next(
        new InputError(
          `${at} is an OpenLineage ${kind} (no run): only RunEvents are recorded; send its facets in a RunEvent of the job that writes or reads the dataset`,
        ),
      );
      return;
    }
  }
  next();
}
