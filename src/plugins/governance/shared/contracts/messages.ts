/** GET /governance/messages/statistics: shared by the server's statistics service and the admin page. */
import type { SiteLevel } from './overview';

/** The figures the annual notice gives of a site's citizen messages ("回复留言963条…"). */
export interface MessageFigures {
  /** Messages received in the year. */
  received: number;
  /** Of them, refused as not valid (不予受理): not counted against the reply rate. */
  invalid: number;
  /** Answered (a reply was sent), whenever. */
  replied: number;
  /** Answered by their deadline (the first reply). */
  repliedOnTime: number;
  /** Still to be answered. */
  open: number;
  /** Still to be answered and past their deadline now. */
  overdue: number;
  /** Working days from receipt to the first reply, on average; null without replies. */
  averageWorkingDays: number | null;
  /** replied / (received − invalid), 0 to 1; null when nothing valid was received. */
  replyRate: number | null;
  /** repliedOnTime / replied, 0 to 1; null without replies. */
  onTimeRate: number | null;
  /** Ratings the citizens gave, and how many were satisfied or unsatisfied. */
  rated: number;
  satisfied: number;
  unsatisfied: number;
  /** Replies the province spot-checked (抽查), and how many it found substandard. */
  spotChecked: number;
  substandard: number;
}

export interface MessageStatistics {
  year: number;
  timezone: string;
  totals: MessageFigures;
  levels: Array<{
    level: SiteLevel;
    totals: MessageFigures;
    sites: Array<{
      site: { code: string; name: string; level: SiteLevel };
      figures: MessageFigures;
    }>;
  }>;
}
