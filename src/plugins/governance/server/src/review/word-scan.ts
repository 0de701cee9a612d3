import type { Core } from '@strapi/strapi';
import type { WordHit } from '../../../shared/contracts/review';
import { scanAttachments, type ScannedAttachment } from './attachment-scan';
import type { ComponentSchemas } from './content-hash';
import { scanPersonalData } from './personal-data';
import { createWordScanner, reviewedTexts, type SensitiveWord } from './sensitive-words';
import { ARTICLE, WORD } from './store';

/**
 * The checks of a draft before review: the sensitive-word list and personal data, in every text
 * of it that reaches readers (the fields the approval covers) and, at submission, in its
 * attachments' text.
 */
export const wordScan = (strapi: Core.Strapi, components: ComponentSchemas) => {
  /**
   * Building the scanner costs far more than a scan (tens of milliseconds for 10,000 words), so
   * it is rebuilt only when the list changed — judged from the database on each call, so every
   * instance sees another's edits.
   */
  let built: {
    version: string;
    words: SensitiveWord[];
    scanner: ReturnType<typeof createWordScanner>;
  } | null = null;
  const current = async () => {
    const latest = await strapi.db
      .query(WORD)
      .findOne({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' } });
    const version = `${await strapi.db.query(WORD).count()}@${latest ? new Date(latest.updatedAt).getTime() : 0}`;
    if (built?.version !== version) {
      const words = (await strapi.db
        .query(WORD)
        .findMany({ select: ['word', 'level', 'suggestion'] })) as SensitiveWord[];
      built = { version, words, scanner: createWordScanner(words) };
    }
    return built;
  };

  return {
    /** The draft's own texts. */
    async draft(draft: unknown): Promise<WordHit[]> {
      const fields = reviewedTexts(strapi.getModel(ARTICLE), draft, components);
      return [...(await current()).scanner(fields), ...scanPersonalData(fields)];
    },

    /** The text of its attachments (attachment-scan.ts: in a worker thread, seconds for a long PDF). */
    async attachments(attachments: ScannedAttachment[]): Promise<WordHit[]> {
      return attachments.length === 0
        ? []
        : scanAttachments(strapi, attachments, (await current()).words);
    },
  };
};

export type Scan = ReturnType<typeof wordScan>;
