import { CellText, type ColumnConfig } from '@backstage/ui';
import { render, screen } from '@testing-library/react';
import { PagedTable } from './PagedTable';

type Row = { id: string; name: string };
const columns: ColumnConfig<Row>[] = [
  {
    id: 'name',
    label: 'Name',
    isRowHeader: true,
    cell: r => <CellText title={r.name} />,
  },
];
const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `r${i}`, name: `row ${i}` }));

describe('PagedTable', () => {
  it('pages a list that grows past one page while shown', async () => {
    // A running run's tests: a few at first, then more than a page.
    const { rerender } = render(
      <PagedTable columnConfig={columns} data={rows(3)} pageSize={5} />,
    );
    expect(await screen.findByText('row 2')).toBeInTheDocument();
    expect(screen.queryByText(/of 3/)).not.toBeInTheDocument();

    rerender(
      <PagedTable columnConfig={columns} data={rows(12)} pageSize={5} />,
    );
    expect(await screen.findByText('row 4')).toBeInTheDocument();
    expect(screen.queryByText('row 5')).not.toBeInTheDocument();
    expect(screen.queryByText(/NaN/)).not.toBeInTheDocument();
    expect(screen.getAllByText(/1 - 5 of 12/).length).toBeGreaterThan(0);
  });
});
