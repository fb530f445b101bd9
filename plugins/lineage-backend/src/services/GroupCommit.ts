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

  /**
   * Waits turns of the event loop while items keep arriving (up to a full
   * batch): a request read in one turn may reach submit() only in the next,
   * after its body and credentials. With four producers in flight, one turn
   * gathered two items a batch on average, and this gathers nearly four.
   */
  async #gather() {
    let before = -1;
    for (let turn = 0; turn < 2 || this.#queue.length > before; turn++) {
      if (this.#queue.length >= this.maxBatch) return;
      before = this.#queue.length;
      await nextTurn();
    }
  }

  async #drain() {
    await this.#gather();
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
      await this.#gather();
    }
    this.#draining = false;
  }
}
