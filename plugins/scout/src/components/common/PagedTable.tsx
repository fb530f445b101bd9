import { ColumnConfig, Table, TableItem, useTable } from '@backstage/ui';
import styles from './common.module.css';

type Props<T extends TableItem> = {
  columnConfig: ColumnConfig<T>[];
  data: T[];
  pageSize?: number;
};

/**
 * Every table of the plugin (runs, a run's dbt tests and rows): a long list
 * is paged on the client, so only one page of rows is rendered, with no
 * pager when the rows fit. On a narrow screen the table scrolls sideways
 * inside its box instead of widening the page.
 */
export function PagedTable<T extends TableItem>(props: Props<T>) {
  const pageSize = props.pageSize ?? 50;
  const paged = props.data.length > pageSize;
  // useTable keeps the paging it started with: a list that grows past one
  // page while shown (a running run's tests) gets a table of its own.
  return (
    <Body
      key={paged ? 'paged' : 'whole'}
      {...props}
      pageSize={pageSize}
      paged={paged}
    />
  );
}

function Body<T extends TableItem>(
  props: Props<T> & { pageSize: number; paged: boolean },
) {
  const { tableProps } = useTable({
    mode: 'complete',
    data: props.data,
    paginationOptions: {
      type: props.paged ? 'page' : 'none',
      pageSize: props.pageSize,
      showPageSizeOptions: false,
    },
  });
  return (
    <div className={styles.tableScroll}>
      <Table {...tableProps} columnConfig={props.columnConfig} />
    </div>
  );
}
