import { GroupCommit } from './GroupCommit';

/** A group whose write returns its items, and the batches it wrote. */
function recording() {
  const batches: number[][] = [];
  const group = new GroupCommit<number, number, number>(
    n => n,
    async items => {
      batches.push(items);
      return items;
    },
  );
  return { group, batches };
}

describe('GroupCommit', () => {
  it('writes what arrives in one turn as one batch, and what arrives during a write as the next', async () => {
    const batches: number[][] = [];
    let during: Promise<string>[] = [];
    const group = new GroupCommit<number, number, string>(
      n => n,
      async items => {
        batches.push(items);
        if (batches.length === 1) during = [3, 4].map(n => group.submit(n));
        await new Promise(resolve => setTimeout(resolve, 5));
        return items.map(i => `ok ${i}`);
      },
    );
    const first = await Promise.all([1, 2].map(n => group.submit(n)));
    expect([...first, ...(await Promise.all(during))]).toEqual([
      'ok 1',
      'ok 2',
      'ok 3',
      'ok 4',
    ]);
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('batches items from separate callbacks of one turn, even when the write never yields to I/O', async () => {
    // better-sqlite3 is synchronous: a transaction runs on microtasks alone.
    const { group, batches } = recording();
    // As requests whose bodies were read in the same poll phase.
    const results = await Promise.all(
      [1, 2, 3, 4].map(
        n =>
          new Promise<number>(resolve =>
            setImmediate(() => resolve(group.submit(n))),
          ),
      ),
    );
    expect(results).toEqual([1, 2, 3, 4]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it('keeps gathering while items arrive turn after turn, as requests whose credentials resolve a turn later', async () => {
    const { group, batches } = recording();
    const turns = (k: number) =>
      new Promise<void>(resolve => {
        const step = (left: number) =>
          left ? setImmediate(() => step(left - 1)) : resolve();
        step(k);
      });
    // One item in each of four successive turns.
    const results = await Promise.all(
      [0, 1, 2, 3].map(k => turns(k).then(() => group.submit(k))),
    );
    expect(results).toEqual([0, 1, 2, 3]);
    expect(batches).toEqual([[0, 1, 2, 3]]);
  });

  it('refuses a bad item alone, and retries a failed batch item by item', async () => {
    const group = new GroupCommit<number, number, number>(
      n => {
        if (n < 0) throw new Error(`negative ${n}`);
        return n;
      },
      async items => {
        if (items.includes(13)) throw new Error('13 is unlucky');
        return items.map(i => i * 10);
      },
    );
    const outcomes = await Promise.allSettled(
      [1, -1, 13, 2].map(n => group.submit(n)),
    );
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: new Error('negative -1') },
      { status: 'rejected', reason: new Error('13 is unlucky') },
      { status: 'fulfilled', value: 20 },
    ]);
  });
});
