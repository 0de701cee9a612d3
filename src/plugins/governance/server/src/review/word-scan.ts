import type { Core } from '@strapi/strapi';
import type { WordHit } from '../../../shared/contracts/review';
import { WORDING_RULE } from '../uids';
import { scanAttachments, type ScannedAttachment } from './attachment-scan';
import type { ComponentSchemas } from './content-hash';
import { reviewedTexts } from './sensitive-words';
import { ARTICLE, WORD } from './store';
import { createTextChecker, type CheckLists, type TextChecker } from './text-checker';

/** A list's version: how many entries it has and when the latest changed. */
const listVersion = async (strapi: Core.Strapi, uid: typeof WORD | typeof WORDING_RULE) => {
  const latest = await strapi.db
    .query(uid)
    .findOne({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' } });
  return `${await strapi.db.query(uid).count()}@${latest ? new Date(latest.updatedAt).getTime() : 0}`;
};

/**
 * The checks of a draft before review (text-checker.ts): the sensitive-word list, the 规范表述
 * list and personal data, in every text of it that reaches readers (the fields the approval
 * covers) and, at submission, in its attachments' text.
 */
export const wordScan = (strapi: Core.Strapi, components: ComponentSchemas) => {
  /**
   * Building the checker costs far more than a check (tens of milliseconds for 10,000 words), so
   * it is rebuilt only when a list changed — judged from the database on each call, so every
   * instance sees another's edits.
   */
  let built: { version: string; lists: CheckLists; check: TextChecker } | null = null;
  const current = async () => {
    const version = `words ${await listVersion(strapi, WORD)}, wording ${await listVersion(strapi, WORDING_RULE)}`;
    if (built?.version !== version) {
      const [words, wording] = await Promise.all([
        strapi.db.query(WORD).findMany({ select: ['word', 'level', 'suggestion'] }),
        strapi.db.query(WORDING_RULE).findMany({ select: ['wrong', 'right'] }),
      ]);
      const lists = { words, wording } as CheckLists;
      built = { version, lists, check: createTextChecker(lists) };
    }
    return built;
  };

  return {
    /** The lists as they are now, with their version (the inspection records it with a finding). */
    lists: current,

    /** The draft's own texts. */
    async draft(draft: unknown): Promise<WordHit[]> {
      return (await current()).check(reviewedTexts(strapi.getModel(ARTICLE), draft, components));
    },

    /** The text of its attachments (attachment-scan.ts: in a worker thread, seconds for a long PDF). */
    async attachments(attachments: ScannedAttachment[]): Promise<WordHit[]> {
      return attachments.length === 0
        ? []
        : scanAttachments(strapi, attachments, (await current()).lists);
    },
  };
};

export type Scan = ReturnType<typeof wordScan>;
