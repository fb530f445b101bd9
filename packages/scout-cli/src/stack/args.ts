import { parseFlags, UsageError } from '../command.ts';
import { type ServiceName, SERVICES } from './services.ts';

export type StackArgs = {
  action: 'up' | 'down' | 'status';
  /** In start order; empty means all. */
  services: ServiceName[];
  json: boolean;
};

/** `scout stack <up|down|status> [service...] [--json]`. */
export function parseStackArgs(args: string[]): StackArgs {
  const { values, positionals } = parseFlags({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const [action, ...names] = positionals;
  if (action !== 'up' && action !== 'down' && action !== 'status') {
    throw new UsageError(
      action === undefined
        ? 'say "up", "down" or "status"'
        : `unknown action "${action}"; say "up", "down" or "status"`,
    );
  }
  const unknown = names.filter(
    name => !(SERVICES as readonly string[]).includes(name),
  );
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown service ${unknown
        .map(n => `"${n}"`)
        .join(', ')}; the services are ${SERVICES.join(', ')}`,
    );
  }
  if (values.json && action !== 'status') {
    throw new UsageError('--json goes with "status" only');
  }
  return {
    action,
    services: SERVICES.filter(name => names.includes(name)),
    json: values.json ?? false,
  };
}
