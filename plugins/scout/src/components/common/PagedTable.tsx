import { ColumnConfig, Table, TableItem, useTable } from '@backstage/ui';
import styles from './common.module.css';

/**
 * Every table of the plugin (runs, a run's dbt tests and rows): a long list
 * is paged on the client, so only one page of rows is rendered, with no
 * pager when the rows fit. On a narrow screen the table scrolls sideways
 * inside its box instead of widening the page.
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
