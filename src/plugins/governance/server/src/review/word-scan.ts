import type { Core } from '@strapi/strapi';
import type { WordHit } from '../../../shared/contracts/review';
import type { ComponentSchemas } from './content-hash';
import { createWordScanner, reviewedTexts, type SensitiveWord } from './sensitive-words';
import { ARTICLE, WORD } from './store';

/**
 * The sensitive-word check of a draft: every text of it that reaches readers, with the fields
 * the approval covers, against the word list as it is now.
 */
export const wordScan = (strapi: Core.Strapi, components: ComponentSchemas) => {
  /**
   * Building the scanner costs far more than a scan (tens of milliseconds for 10,000 words), so
   * it is rebuilt only when the list changed — judged from the database on each call, so every
   * instance sees another's edits.
   */
  let built: { version: string; scanner: ReturnType<typeof createWordScanner> } | null = null;
  const currentScanner = async () => {
    const latest = await strapi.db
      .query(WORD)
      .findOne({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' } });
    const version = `${await strapi.db.query(WORD).count()}@${latest ? new Date(latest.updatedAt).getTime() : 0}`;
    if (built?.version !== version) {
      const words = (await strapi.db
        .query(WORD)
        .findMany({ select: ['word', 'level', 'suggestion'] })) as SensitiveWord[];
      built = { version, scanner: createWordScanner(words) };
    }
    return built.scanner;
  };

  return async (draft: unknown): Promise<WordHit[]> =>
    (await currentScanner())(reviewedTexts(strapi.getModel(ARTICLE), draft, components));
};
