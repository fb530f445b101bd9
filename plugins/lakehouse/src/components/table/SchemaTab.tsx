import { Cell, CellText, ColumnConfig, Table, Text } from '@backstage/ui';
import type { Column } from '@internal/backstage-plugin-lakehouse-common';
import styles from '../common/common.module.css';

type Row = Column & { id: string; position: number };

const columns: ColumnConfig<Row>[] = [
  {
    id: 'position',
    label: '#',
    width: 56,
    cell: c => <CellText title={String(c.position)} />,
  },
  {
    id: 'name',
    label: 'Column',
    isRowHeader: true,
    minWidth: 160,
    cell: c => <CellText title={c.name} />,
  },
  {
    id: 'type',
    label: 'Type',
    minWidth: 140,
    cell: c => (
      <Cell>
        <Text variant="body-medium" className={styles.mono}>
          {c.type}
        </Text>
      </Cell>
    ),
  },
  {
    id: 'nullable',
    label: 'Nullable',
    width: 110,
    cell: c => <CellText title={c.nullable ? 'yes' : 'no'} />,
  },
  {
    id: 'comment',
    label: 'Comment',
    minWidth: 200,
    cell: c => <CellText title={c.comment ?? ''} color="secondary" />,
  },
];

/** The table's columns with their types, nullability and comments. */
export function SchemaTab(props: { columns: Column[] }) {
  const rows = props.columns.map((c, i) => ({
    ...c,
    id: c.name,
    position: i + 1,
  }));
  return (
    <Table columnConfig={columns} data={rows} pagination={{ type: 'none' }} />
  );
}
