import type { Preview } from '@internal/backstage-plugin-lakehouse-common';
import { formatCell } from '../../lib/format';
import styles from './PreviewGrid.module.css';

const NUMBER_WIDTH = 64;
const COLUMN_WIDTH = 180;

/**
 * One page of preview rows. A plain table rather than the @backstage/ui
 * Table: its columns come from the result set, every cell is fixed-width
 * text, and a page of a wide table stays cheap to render.
 */
export function PreviewGrid(props: { preview: Preview; stale?: boolean }) {
  const { columns, rows, offset } = props.preview;
  return (
    <div
      className={styles.scroller}
      data-stale={props.stale ? 'true' : 'false'}
    >
      <table
        className={styles.grid}
        aria-label="Preview rows"
        style={{ width: NUMBER_WIDTH + columns.length * COLUMN_WIDTH }}
      >
        <colgroup>
          <col style={{ width: NUMBER_WIDTH }} />
          {columns.map(c => (
            <col key={c.name} style={{ width: COLUMN_WIDTH }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={styles.rowNumber}>#</th>
            {columns.map(c => (
              <th key={c.name} title={`${c.name}: ${c.type}`}>
                {c.name}
                <span className={styles.type}>{c.type}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={offset + r}>
              <td className={styles.rowNumber}>{offset + r + 1}</td>
              {columns.map((c, i) => {
                const text = formatCell(row[i]);
                const isNull = row[i] === null || row[i] === undefined;
                return (
                  <td
                    key={c.name}
                    title={text}
                    className={isNull ? styles.null : undefined}
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
