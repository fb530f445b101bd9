import { screen } from '@testing-library/react';
import { BARE_GOLD, ds } from '../../__testUtils__/fixtures';
import { renderLineage } from '../../__testUtils__/renderLineage';
import type { DatasetNode } from '../../lib/graph-transformations';
import { DatasetLifecycle } from './DatasetLifecycle';

jest.setTimeout(30_000);

const base = BARE_GOLD;
const OLD = 'iceberg.gold.old_sales';
const NEW = 'iceberg.gold.new_sales';
const other = (name: string) => ({
  id: ds(name),
  namespace: 'n',
  name,
  eventTime: '2026-12-01T11:00:00.000Z',
});
const show = (dataset: Partial<DatasetNode>) =>
  renderLineage(<DatasetLifecycle dataset={{ ...base, ...dataset }} />);
const paragraph = (start: string) =>
  screen.findByText(
    (_, el) => el?.tagName === 'P' && el.textContent!.startsWith(start),
  );

describe('DatasetLifecycle', () => {
  it("says an old name was renamed, linked to the new one's graph", async () => {
    await show({ lifecycleState: 'RENAME', renamedTo: other(NEW) });
    expect((await paragraph('Renamed to')).textContent).toBe(
      `Renamed to ${NEW} at 2026-12-01 11:00 UTC. What follows is what was known under this name.`,
    );
    expect(screen.getByRole('link', { name: NEW })).toHaveAttribute(
      'href',
      `/lineage?node=${encodeURIComponent(ds(NEW))}`,
    );
  });

  it('says what a new name was renamed from, linked', async () => {
    await show({ lifecycleState: 'RENAME', renamedFrom: other(OLD) });
    expect((await paragraph('Renamed from')).textContent).toBe(
      `Renamed from ${OLD} at 2026-12-01 11:00 UTC.`,
    );
    expect(screen.getByRole('link', { name: OLD })).toHaveAttribute(
      'href',
      `/lineage?node=${encodeURIComponent(ds(OLD))}`,
    );
  });

  it('says both for the middle of a chain of renames', async () => {
    await show({
      lifecycleState: 'RENAME',
      renamedFrom: other(OLD),
      renamedTo: other(NEW),
    });
    expect(await paragraph('Renamed to')).toBeInTheDocument();
    expect(await paragraph('Renamed from')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: OLD })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: NEW })).toBeInTheDocument();
  });

  it('says a rename its producer gave no old name for, without a link', async () => {
    await show({ lifecycleState: 'RENAME' });
    expect(
      await screen.findByText('Renamed: its producer did not say from what.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('says who truncated it and when', async () => {
    await show({
      lifecycleState: 'TRUNCATE',
      lastWrite: {
        job: { namespace: 'spark', name: 'purge' },
        runId: 'r9',
        state: 'COMPLETE',
        rows: 0,
        eventTime: '2026-12-01T10:00:00.000Z',
      },
    });
    expect((await paragraph('Truncated')).textContent).toBe(
      'Truncated by purge at 2026-12-01 10:00 UTC: its rows were deleted.',
    );
  });

  it('says a drop, and nothing for a plain write', async () => {
    const dropped = await show({ lifecycleState: 'DROP' });
    expect(await paragraph('Dropped:')).toBeInTheDocument();
    dropped.unmount();
    await show({});
    expect(screen.queryByText(/Dropped|Renamed|Truncated/)).toBeNull();
  });
});
