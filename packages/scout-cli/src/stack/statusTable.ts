/** One line of `scout stack status`. */
export type ServiceStatus = {
  service: string;
  /**
   * up: ours and healthy; starting: ours, not answering yet; down: nothing
   * on the port; foreign: the port answers, but not from a process that
   * `scout stack up` started.
   */
  state: 'up' | 'starting' | 'down' | 'foreign';
  pid?: number;
  port: number;
  url: string;
  log: string;
};

export function formatStatusTable(statuses: readonly ServiceStatus[]): string {
  const rows = [
    ['SERVICE', 'STATE', 'PID', 'URL', 'LOG'],
    ...statuses.map(s => [
      s.service,
      s.state,
      s.pid === undefined ? '-' : String(s.pid),
      s.url,
      s.log,
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)));
  const lines = rows.map(row =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i])))
      .join('  '),
  );
  if (statuses.some(s => s.state === 'foreign')) {
    lines.push(
      'foreign: something answers on the port, but "scout stack up" did not start it',
    );
  }
  return `${lines.join('\n')}\n`;
}
