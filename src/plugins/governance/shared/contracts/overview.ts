/** GET /governance/overview: shared by the server's overview service and the admin page. */
export const SITE_LEVELS = ['portal', 'department', 'city', 'county'] as const;
export type SiteLevel = (typeof SITE_LEVELS)[number];

export interface LevelFigures {
  level: SiteLevel;
  sites: number;
  articles: number;
  specialTopics: number;
  messages: number;
  replies: number;
}

export interface Overview {
  groupName: string;
  timezone: string;
  year: number;
  /** Years that can be asked for: from the first publication on record to the latest one or now. */
  years: number[];
  levels: LevelFigures[];
  totals: Omit<LevelFigures, 'level'>;
}
