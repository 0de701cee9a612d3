/**
 * What the kept figures' rebuild and check report as they go and when done (server
 * figures/kept.ts), read by `npm run stats:rebuild` and `npm run stats:check` (src/cli).
 */

export type KeptPhase =
  | 'articles'
  | 'articleEntries'
  | 'messages'
  | 'messageEntries'
  | 'publicationCells'
  | 'messageCells'
  | 'articleBlocks';

/**
 * Where a phase is: `done` of `total`. The phases over articles, messages and their entries go
 * by id (the position of the last row read in the table's span of ids): counting the rows first
 * would read the whole archive. The cells' phases go by site, the article blocks' by block.
 */
export interface KeptProgress {
  phase: KeptPhase;
  done: number;
  total: number;
}

export interface KeptReport {
  /** Whether differences were repaired (a rebuild) or only found (a check). */
  repaired: boolean;
  /** Articles and messages whose part of the figures differed from the archive. */
  articles: number;
  messages: number;
  /** Kept cells that differed from their recount. */
  cells: number;
  /** The first differences, to read. */
  samples: string[];
  stopped: boolean;
}
