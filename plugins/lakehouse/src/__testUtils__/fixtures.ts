import type {
  Catalog,
  Preview,
  Snapshot,
  TableDetail,
  TableSummary,
} from '@internal/backstage-plugin-lakehouse-common';

export const BASE_URL = 'http://localhost:7007/api/lakehouse';

/** The generated models type date-times as Date; on the wire they are text. */
const wireTime = (iso: string) => iso as unknown as Date;

export const catalogs: Catalog[] = [
  { name: 'iceberg', engine: 'trino', defaultRef: 'main' },
];

export const namespaces = [
  { name: 'gold', tableCount: 3 },
  { name: 'bronze', tableCount: 4 },
  { name: 'platinum', tableCount: 0 },
  { name: 'silver', tableCount: 4 },
];

function summary(name: string, rowCount: number): TableSummary {
  return {
    namespace: 'gold',
    name,
    rowCount,
    sizeBytes: rowCount * 40,
    fileCount: 2,
    lastUpdated: wireTime('2026-11-03T14:05:00Z'),
  };
}

export const goldTables: TableSummary[] = [
  summary('gold_daily_store_sales', 18250),
  summary('gold_payment_mix', 420),
  summary('gold_basket_metrics', 3650),
];

export const dailyStoreSales: TableDetail = {
  summary: goldTables[0],
  description: 'Revenue and transactions per store and day.',
  columns: [
    {
      name: 'sale_date',
      type: 'date',
      nullable: false,
      comment: 'Day of sale',
    },
    { name: 'store_id', type: 'varchar', nullable: false, comment: null },
    {
      name: 'net_revenue',
      type: 'decimal(18,2)',
      nullable: true,
      comment: 'Revenue after discounts',
    },
  ],
  partitionSpec: [{ sourceColumn: 'sale_date', transform: 'month' }],
  properties: { 'write.format.default': 'PARQUET' },
  health: {
    fileCount: 2,
    totalBytes: 730000,
    averageFileBytes: 365000,
    targetFileBytes: 134217728,
    smallFileCount: 2,
  },
};

export const snapshots: Snapshot[] = [
  {
    snapshotId: '7812345678901234567',
    parentId: '6812345678901234567',
    committedAt: wireTime('2026-11-03T14:05:00Z'),
    operation: 'overwrite',
    isCurrentAncestor: true,
    summary: {
      'added-records': '18250',
      'deleted-records': '18000',
      'total-records': '18250',
    },
  },
  {
    snapshotId: '6812345678901234567',
    parentId: null,
    committedAt: wireTime('2026-11-03T13:50:00Z'),
    operation: 'append',
    isCurrentAncestor: true,
    summary: { 'added-records': '18000', 'total-records': '18000' },
  },
];

/** 150 rows in all: a full first page and half a second one. */
export function previewPage(offset: number, limit: number): Preview {
  const total = 150;
  const count = Math.max(0, Math.min(limit, total - offset));
  return {
    columns: dailyStoreSales.columns.map(c => ({ name: c.name, type: c.type })),
    rows: Array.from({ length: count }, (_, i) => [
      '2026-11-01',
      `store-${String(offset + i + 1).padStart(4, '0')}`,
      (offset + i) * 10.5,
    ]),
    offset,
    limit,
    hasMore: offset + count < total,
  };
}
