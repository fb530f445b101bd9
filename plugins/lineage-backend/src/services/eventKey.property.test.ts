import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { eventKey, type RunEvent } from './runEvent';

/** The key's definition, written plainly: JSON with keys in code-unit order. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map(k => `${JSON.stringify(k)}:${sortedJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string) =>
  createHash('sha256').update(text).digest('hex');
const key = (value: unknown) => eventKey(value as RunEvent);

/** The same value with every object's keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversed(v)]),
    );
  }
  return value;
}

describe('eventKey', () => {
  it('is the sha256 of the JSON with sorted keys, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), value => {
        expect(key(value)).toBe(sha256(sortedJson(value)));
        expect(key(reversed(value))).toBe(key(value));
      }),
      { numRuns: 300 },
    );
  });

  it('orders keys like "10" and "9" as text, as keys stored before did', () => {
    // V8 puts array-index keys first in numeric order; the key must not.
    const event = { run: { '9': 'a', '10': 'b', x: [{ z: 1, '0': 2 }] } };
    expect(key(event)).toBe(
      sha256('{"run":{"10":"b","9":"a","x":[{"0":2,"z":1}]}}'),
    );
  });

  it('keeps a "__proto__" key, as JSON.parse gives it', () => {
    const event = JSON.parse('{"z":1,"__proto__":{"b":2,"a":1}}');
    expect(key(event)).toBe(sha256('{"__proto__":{"a":1,"b":2},"z":1}'));
  });
});
