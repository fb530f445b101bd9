import { documentSchema, MAX_DOCUMENT_CHARS } from './document.ts';

const valid = {
  document_id: 'runbook-ingest-001',
  title: 'Ingest runbook',
  content: 'When a batch is rejected, read the problems list.',
};

describe('documentSchema', () => {
  it('accepts a document with optional source and metadata', () => {
    expect(documentSchema.safeParse(valid).success).toBe(true);
    expect(
      documentSchema.safeParse({
        ...valid,
        source: 'docs/runbook.md',
        metadata: { team: 'data-eng' },
      }).success,
    ).toBe(true);
  });

  it('accepts content up to the limit and no further', () => {
    expect(
      documentSchema.safeParse({
        ...valid,
        content: 'x'.repeat(MAX_DOCUMENT_CHARS),
      }).success,
    ).toBe(true);
    expect(
      documentSchema.safeParse({
        ...valid,
        content: 'x'.repeat(MAX_DOCUMENT_CHARS + 1),
      }).success,
    ).toBe(false);
  });

  it.each([
    ['a 501-character title', { title: 't'.repeat(501) }],
    ['empty content', { content: '' }],
    ['a non-string metadata value', { metadata: { pages: 3 } }],
    [
      'too many metadata entries',
      {
        metadata: Object.fromEntries(
          Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']),
        ),
      },
    ],
    ['an unknown key', { embedding: [0.1] }],
    ['an id with spaces', { document_id: 'my doc' }],
  ])('rejects %s', (_, overrides) => {
    expect(documentSchema.safeParse({ ...valid, ...overrides }).success).toBe(
      false,
    );
  });
});
