import { CellText, ColumnConfig } from '@backstage/ui';
import { formatCount } from '@internal/backstage-plugin-scout-react';
import { EmptyState } from '../common';
import { PagedTable } from '../common/PagedTable';

type Row = { id: string; layer: string; table: string; rows: number };

// Medallion order; a layer the portal does not know goes last.
const LAYERS = ['bronze', 'silver', 'gold', 'platinum'];
const layerRank = (layer: string) =>
  LAYERS.includes(layer) ? LAYERS.indexOf(layer) : LAYERS.length;

const columns: ColumnConfig<Row>[] = [
  {
    id: 'table',
    label: 'Table',
    isRowHeader: true,
    cell: r => <CellText title={r.table} description={r.layer} />,
  },
  {
    id: 'rows',
    label: 'Rows',
    cell: r => <CellText title={formatCount(r.rows)} />,
  },
];

/** Rows per table after the build, layer by layer; `rows` is keyed `layer.table`. */
export function RowsTable(props: { rows: Record<string, number> }) {
  const rows: Row[] = Object.entries(props.rows)
    .map(([key, count]) => {
      const dot = key.indexOf('.');
      return {
        id: key,
        layer: dot < 0 ? '' : key.slice(0, dot),
        table: dot < 0 ? key : key.slice(dot + 1),
        rows: count,
      };
    })
    .sort(
      (a, b) =>
        layerRank(a.layer) - layerRank(b.layer) || a.id.localeCompare(b.id),
    );
  if (rows.length === 0) {
    return (
      <EmptyState
        title="No row counts for this run."
        description="They are taken after the dbt build; a run that stopped before it has none."
      />
    );
  }
  return <PagedTable columnConfig={columns} data={rows} />;
}
