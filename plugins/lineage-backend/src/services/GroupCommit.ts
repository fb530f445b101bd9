/**
 * Waits for the event loop's next turn, so that the requests read in this
 * one reach submit() first. With a synchronous driver (better-sqlite3) a
 * write runs to its end on microtasks alone, without giving I/O a turn:
 * starting it at once would write one item per batch.
 */
const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

/**
 * Group commit: items submitted while a batch is being written wait, and
 * go together in the next one, so concurrent producers share transactions
 * (and their commits) instead of queueing for one each. Each submitter
 * still gets its own outcome: `prepare` refuses a bad item alone before it
 * joins a batch, and when a batch fails its items are retried one by one,
 * so only the item at fault fails.
 */
export class GroupCommit<T, P, R> {
  #queue: { item: P; resolve: (r: R) => void; reject: (e: unknown) => void }[] =
    [];
  #draining = false;

  constructor(
    private readonly prepare: (item: T) => P,
    private readonly write: (items: P[]) => Promise<R[]>,
    /** The most items one batch takes. */
    private readonly maxBatch = 100,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      try {
        this.#queue.push({ item: this.prepare(item), resolve, reject });
      } catch (error) {
        reject(error);
        return;
      }
      if (!this.#draining) {
        this.#draining = true;
        void this.#drain();
      }
    });
  }

  async #drain() {
    await nextTurn();
    while (this.#queue.length) {
      const batch = this.#queue.splice(0, this.maxBatch);
      try {
        const results = await this.write(batch.map(b => b.item));
        batch.forEach((b, i) => b.resolve(results[i]));
      } catch {
        for (const b of batch) {
          await this.write([b.item]).then(([r]) => b.resolve(r), b.reject);
        }
      }
      await nextTurn();
    }
    this.#draining = false;
  }
}
