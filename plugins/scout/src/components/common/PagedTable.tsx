import { ColumnConfig, Table, TableItem, useTable } from '@backstage/ui';
import styles from './common.module.css';

/**
 * A client-side paged table for lists that can be long (a run's dbt
 * tests): only one page of rows is rendered. On a narrow screen the table
 * scrolls sideways inside its box instead of widening the page.
 */
export function PagedTable<T extends TableItem>(props: {
  columnConfig: ColumnConfig<T>[];
  data: T[];
  pageSize?: number;
}) {
  const pageSize = props.pageSize ?? 50;
  const { tableProps } = useTable({
    mode: 'complete',
    data: props.data,
    paginationOptions: {
      type: props.data.length > pageSize ? 'page' : 'none',
      pageSize,
      showPageSizeOptions: false,
    },
  });
  return (
    <div className={styles.tableScroll}>
      <Table {...tableProps} columnConfig={props.columnConfig} />
    </div>
  );
}
