/**
 * The ranking rule of the annual notice: within a level, more articles first; equal counts
 * share a rank and the next count takes the next rank (336, 336, 335 → 18, 18, 19). Ties are
 * listed by sortOrder, then code. Sites with no article are listed last, never dropped.
 */
export interface Rankable {
  articles: number;
  sortOrder: number;
  code: string;
}

export const denseRank = <T extends Rankable>(items: T[]): Array<T & { rank: number }> => {
  const ordered = [...items].sort(
    (a, b) =>
      b.articles - a.articles ||
      a.sortOrder - b.sortOrder ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
  let rank = 0;
  let previous: number | undefined;
  return ordered.map((item) => {
    if (item.articles !== previous) {
      rank += 1;
      previous = item.articles;
    }
    return { ...item, rank };
  });
};
