/**
 * One answer of `query` shared by the reads within `maxAgeMs` of it: the
 * freshness gauges are read at every scrape, the database need not be. A
 * rejected answer is not kept, so the next read tries again.
 */
export class SharedAnswer<T> {
  #cached?: { at: number; answer: Promise<T> };

  constructor(
    private readonly query: () => Promise<T>,
    private readonly maxAgeMs: number,
  ) {}

  read(now = Date.now()): Promise<T> {
    if (this.#cached && now - this.#cached.at < this.maxAgeMs) {
      return this.#cached.answer;
    }
    const answer = this.query();
    const cached = { at: now, answer };
    this.#cached = cached;
    answer.catch(() => {
      if (this.#cached === cached) this.#cached = undefined;
    });
    return answer;
  }

  /** Forgets the shared answer: the next read queries afresh. */
  forget() {
    this.#cached = undefined;
  }
}
