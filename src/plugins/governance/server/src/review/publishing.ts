import type { Core } from '@strapi/strapi';
import { forbidden } from '../utils/forbidden';
import { ERRORS } from './messages';
import { ARTICLE, STATE, type Actor, type ReviewStore } from './store';
import type { Scan } from './word-scan';

/**
 * What the publish gate (gate.ts) asks of the review before and after an article goes online.
 * Besides the approval, no link to a host the province forbids goes online, even one approved
 * before the host was listed (外链名单).
 */
export const reviewPublishing = (strapi: Core.Strapi, store: ReviewStore, scan: Scan) => {
  const refuseDeniedLinks = async (article: { title: string; body?: unknown }) => {
    const hosts = await scan.deniedHosts(article.body);
    if (hosts.length > 0) throw forbidden(ERRORS.deniedLinks(article.title, hosts));
  };
  return {
    /** The gate's early question before a publish: is the draft about to go online approved? */
    async assertDraftApproved(documentId: string) {
      const draft = await store.draftOf(documentId);
      const state = await store.stateOf(documentId);
      if (
        draft &&
        (state?.status !== 'approved' || state.contentHash !== (await store.contentHash(draft)))
      ) {
        throw forbidden(ERRORS.notPublishable(draft.title), {
          reviewStatus: state?.status ?? 'draft',
        });
      }
      if (draft) await refuseDeniedLinks(draft);
    },

    /**
     * The gate's question, asked inside the publishing transaction: is what is now published
     * exactly what the whole chain approved? Throws otherwise, which rolls the publication back.
     */
    async assertPublishable(documentId: string, actor: Actor | null) {
      const published = await strapi.db.query(ARTICLE).findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        populate: store.articlePopulate(),
      });
      if (!published) return;
      const state = await store.stateOf(documentId);
      const hash = await store.contentHash(published);
      if (state?.status !== 'approved' || state.contentHash !== hash) {
        throw forbidden(ERRORS.notPublishable(published.title), {
          reviewStatus: state?.status ?? 'draft',
        });
      }
      await refuseDeniedLinks(published);
      await store.record(published, {
        action: 'publish',
        round: state.round,
        actor,
        contentHash: hash,
      });
    },

    /** Keeps the decisions (accountability) but drops the state of a deleted article. */
    async afterDelete(documentId: string) {
      const left = await strapi.db.query(ARTICLE).count({ where: { documentId } });
      if (left === 0)
        await strapi.db.query(STATE).deleteMany({ where: { articleDocumentId: documentId } });
    },
  };
};
