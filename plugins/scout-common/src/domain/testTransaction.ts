/** A valid transaction for tests; pass overrides to break one thing at a time. */
export function testTransaction(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    transaction_id: '0b8f2f3e-5d7c-4f0e-9a51-3c2b1d0e9f8a',
    store_id: 'ST-NCR-00001',
    device_id: 'DV-ST-NCR-00001-POS',
    occurred_at: '2026-11-26T18:04:12+08:00',
    payment_method: 'cash',
    currency: 'PHP',
    items: [
      { sku: 'LM-PC-ORIGINAL-80G', quantity: 2, unit_price: 17 },
      { sku: 'CK-MISMO-300ML', quantity: 1, unit_price: 20 },
    ],
    total: 54,
    ...overrides,
  };
}
