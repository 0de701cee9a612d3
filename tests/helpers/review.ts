/**
 * Publishing through the real review workflow, for tests that need published articles: an
 * article is submitted and approved at every step of its site's chain over the plugin's HTTP
 * routes, by members of the site in each step's capacity, and only then published.
 */
import {
  CHECKLIST_ITEMS,
  type StepCapacity,
} from '../../src/plugins/governance/shared/contracts/review';
import type { paragraph } from './article-body';
import { addMember } from './sites';
import { asAdmin, createAdmin, type TestAdmin, type TestApp } from './strapi';

const ARTICLE = 'api::article.article';

export const FULL_CHECKLIST = Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, true]));

const ROLE_OF: Record<StepCapacity, string> = {
  leader: 'governance-approver',
  reviewer: 'governance-reviewer',
  approver: 'governance-approver',
};

export interface ReviewTeam {
  /** Submits every article: a provincial admin, so any site's. */
  submitter: TestAdmin;
  /** Per site: one person for each step, so that no one takes two steps of a round. */
  stepHolders: Map<string, Record<StepCapacity, TestAdmin>>;
}

export const createReviewTeam = async (app: TestApp): Promise<ReviewTeam> => ({
  submitter: await createAdmin(app, 'governance-provincial-admin', '送审人'),
  stepHolders: new Map(),
});

/** The leader, reviewer and approver of a site, created and made members on first use. */
export const stepHoldersOf = async (app: TestApp, team: ReviewTeam, siteDocumentId: string) => {
  const known = team.stepHolders.get(siteDocumentId);
  if (known) return known;
  const holders = {} as Record<StepCapacity, TestAdmin>;
  for (const capacity of ['leader', 'reviewer', 'approver'] as const) {
    holders[capacity] = await createAdmin(app, ROLE_OF[capacity], capacity);
    await addMember(app, holders[capacity], siteDocumentId, capacity);
  }
  team.stepHolders.set(siteDocumentId, holders);
  return holders;
};

const call = (app: TestApp, who: TestAdmin, method: 'get' | 'post', path: string, body?: object) =>
  method === 'get'
    ? asAdmin(app, who).get(`/governance/review/articles/${path}`)
    : asAdmin(app, who).post(`/governance/review/articles/${path}`, body);

/**
 * Submits the article (unless an edit already sent it back to review) and approves each step of
 * its chain; fails loudly if any act is refused.
 */
export const approveArticle = async (app: TestApp, team: ReviewTeam, documentId: string) => {
  const { status } = (await call(app, team.submitter, 'get', documentId)).body.data;
  if (!['submitted', 'in_review'].includes(status)) {
    const submitted = await call(app, team.submitter, 'post', `${documentId}/submit`);
    if (submitted.status !== 200)
      throw new Error(`submit refused: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  }
  const draft = await app.strapi.db
    .query(ARTICLE)
    .findOne({ where: { documentId, publishedAt: null }, populate: { site: true } });
  const holders = await stepHoldersOf(app, team, draft.site.documentId);

  for (;;) {
    const review = (await call(app, team.submitter, 'get', documentId)).body.data;
    if (review.status === 'approved') return review;
    const holder = holders[review.chain[review.step - 1] as StepCapacity];
    const approved = await call(app, holder, 'post', `${documentId}/approve`, {
      contentHash: review.contentHash,
      checklist: FULL_CHECKLIST,
    });
    if (approved.status !== 200)
      throw new Error(`approval refused: ${approved.status} ${JSON.stringify(approved.body)}`);
  }
};

/**
 * Creates an article, takes it through review and publishes it; with `firstPublishedAt`, moves
 * its first publication back to then, as if it had been published then (`entry` is as published).
 */
export const publishReviewed = async (
  app: TestApp,
  team: ReviewTeam,
  data: {
    title: string;
    slug?: string;
    site: string;
    isSpecialTopic?: boolean;
    column?: string;
    body?: ReturnType<typeof paragraph>;
  },
  firstPublishedAt?: Date
) => {
  const draft = await app.strapi.documents(ARTICLE).create({ data });
  await approveArticle(app, team, draft.documentId);
  const published = await app.strapi.documents(ARTICLE).publish({ documentId: draft.documentId });
  if (firstPublishedAt) await backdate(app, draft.documentId, firstPublishedAt);
  return { documentId: draft.documentId, entry: published.entries[0] };
};

/**
 * Moves an article's first publication to `at`, as if it had been published then: the stamp,
 * and the kept figures with it (as `npm run stats:rebuild` would after such a change by SQL).
 */
export const backdate = (app: TestApp, documentId: string, at: Date) =>
  app.strapi.db.transaction(async () => {
    await app.strapi.db
      .query(ARTICLE)
      .updateMany({ where: { documentId }, data: { firstPublishedAt: at } });
    await app.strapi.plugin('governance').service('publicationFigures').refresh([documentId]);
  });
