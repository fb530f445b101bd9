import { LoggerService } from '@backstage/backend-plugin-api';
import {
  promoteBronze,
  PromotionRound,
  ScoutDatabase,
} from '@internal/backstage-plugin-scout-node';

/** In milliseconds: the poll for rows nobody announced, and how long a notified round waits for more. */
export type PromoterTiming = { pollMs: number; settleMs: number };

/** Where a promotion round's figures go (the portal backend: Prometheus). */
export type PromotionObserver = (round: PromotionRound) => void;

/**
 * Runs promotion rounds (bronze → silver or quarantine) in the backend. An
 * ingest that committed calls `notify()`, and a round starts `settleMs`
 * later, so that the rows of many requests go in one set instead of one
 * round per request; rounds never overlap, and notifications during one run
 * another right after it. A slow poll picks up bronze rows written by anyone
 * else (another host of the edge function, a crash before notify).
 */
export class Promoter {
  readonly #db: ScoutDatabase;
  readonly #logger: LoggerService;
  readonly #observe: PromotionObserver;
  readonly #poll: NodeJS.Timeout;
  readonly #settleMs: number;
  #settling?: NodeJS.Timeout;
  #running?: Promise<void>;
  #again = false;
  #stopped = false;

  private constructor(
    db: ScoutDatabase,
    logger: LoggerService,
    observe: PromotionObserver,
    timing: PromoterTiming,
  ) {
    this.#db = db;
    this.#logger = logger;
    this.#observe = observe;
    this.#settleMs = timing.settleMs;
    this.#poll = setInterval(() => this.#start(), timing.pollMs);
    this.#poll.unref();
  }

  /** Starts polling and promotes what is waiting now. */
  static start(
    db: ScoutDatabase,
    logger: LoggerService,
    observe: PromotionObserver,
    timing: PromoterTiming = { pollMs: 1000, settleMs: 100 },
  ): Promoter {
    const promoter = new Promoter(db, logger, observe, timing);
    promoter.#start();
    return promoter;
  }

  /** Asks for a round within `settleMs`. */
  notify(): void {
    if (this.#running) this.#again = true;
    else this.#settling ??= setTimeout(() => this.#start(), this.#settleMs);
  }

  #start(): void {
    clearTimeout(this.#settling);
    this.#settling = undefined;
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = undefined;
    });
  }

  /** Resolves once every bronze row committed before the call is promoted. */
  async drain(): Promise<void> {
    await this.#running;
    // A round sees every commit before it; a bounded one leaves the rest.
    while (!(await this.#round()).complete);
  }

  /** Stops polling and waits for the round in flight. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#poll);
    clearTimeout(this.#settling);
    await this.#running;
  }

  async #loop() {
    do {
      this.#again = false;
      try {
        // A round that found rows may have left newer ones: go again.
        if ((await this.#round()).transactions > 0) this.#again = true;
      } catch (error) {
        // Nothing was promoted (the round is one transaction); the poll retries.
        this.#logger.error(`promotion round failed: ${error}`);
        return;
      }
    } while (this.#again && !this.#stopped);
  }

  async #round(): Promise<PromotionRound> {
    const round = await promoteBronze(this.#db);
    if (round.transactions > 0) this.#observe(round);
    return round;
  }
}
