import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { AdoptedSubmission, SubmissionTargets } from '../../../shared/contracts/submissions';
import { siteScope } from '../sites/scope';
import type { AdminUser } from '../utils/document-middleware';
import { forbidden } from '../utils/forbidden';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { ERRORS } from './messages';
import { followArticles } from './follow';
import { submissionLists } from './lists';
import { submissionRecords, type SiteWithParent, type SubmissionRow } from './records';
import { ARTICLE, SITE, SUBMISSION } from '../uids';

/**
 * 信息报送: a site's editors submit one of its articles (published, or approved for publication)
 * upward — to the portal, or from a county to its city — once per target. Only the receiving
 * site's editors adopt it, which makes a draft of their own site carrying its source, reviewed
 * there like any article before it is published; or decline it with a reason the submitter sees.
 */
const submissionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const { sites, publicSite, sitesWorkedFor, shape } = submissionRecords(strapi);

  /** One site's name, for an entry of the audit trail. */
  const siteName = async (documentId: string) =>
    (
      (await strapi.db.query(SITE).findOne({ where: { documentId }, select: ['name'] })) as {
        name: string;
      } | null
    )?.name ?? '';

  /** The article as it would be republished: its published version, else its approved draft. */
  const sourceOf = async (documentId: string) => {
    const rows = await strapi.db.query(ARTICLE).findMany({
      where: { documentId },
      populate: { site: { select: ['documentId'] } },
    });
    const published = rows.find((row: { publishedAt: unknown }) => row.publishedAt);
    const draft = rows.find((row: { publishedAt: unknown }) => !row.publishedAt);
    if (!draft && !published) throw new errors.NotFoundError(ERRORS.noSuchArticle(documentId));
    // 报送 is of what a site published: an approved draft that never went online is not one.
    const eligible = Boolean(published);
    return { article: published ?? draft, draft, eligible };
  };

  /** Where a site may submit to: the portal, and a county's own city. */
  const targetsOf = (source: SiteWithParent, all: Map<string, SiteWithParent>) =>
    [...all.values()].filter(
      (site) =>
        site.active &&
        site.documentId !== source.documentId &&
        (site.level === 'portal' ||
          (source.level === 'county' && source.parent?.documentId === site.documentId))
    );

  const load = async (id: number): Promise<SubmissionRow> => {
    const row = (await strapi.db
      .query(SUBMISSION)
      .findOne({ where: { id } })) as SubmissionRow | null;
    if (!row) throw new errors.NotFoundError(ERRORS.noSuchSubmission(id));
    return row;
  };

  /** The source site's editors (or the province) act for the submitter. */
  const assertSubmitter = async (user: AdminUser, sourceSiteDocumentId: string) => {
    const scope = await siteScope(strapi, user);
    if (!scope.all && !(await sitesWorkedFor(user)).has(sourceSiteDocumentId))
      throw forbidden(ERRORS.notSourceEditor);
  };

  /** The article, the group's sites and the article's site, once the user may submit for it. */
  const submittable = async (articleDocumentId: string, user: AdminUser) => {
    const [{ article, eligible }, all] = await Promise.all([sourceOf(articleDocumentId), sites()]);
    const source = all.get(article.site?.documentId);
    if (!source) throw new errors.ValidationError(ERRORS.noSite);
    await assertSubmitter(user, source.documentId);
    return { article, eligible, all, source };
  };

  /** Only the receiving site's own people decide: the province's all-site scope is not enough. */
  const assertReceiver = async (user: AdminUser, targetSiteDocumentId: string) => {
    if (!(await sitesWorkedFor(user)).has(targetSiteDocumentId))
      throw forbidden(ERRORS.notTargetEditor);
  };

  /** Claims an open submission with a guarded update, so two people never both decide it. */
  const claim = async (row: SubmissionRow, data: Record<string, unknown>) => {
    const { count } = await strapi.db
      .query(SUBMISSION)
      .updateMany({ where: { id: row.id, status: 'submitted' }, data });
    if (count !== 1) throw new errors.ApplicationError(ERRORS.alreadyDecided);
  };

  return {
    ...submissionLists(strapi),
    ...followArticles(strapi),

    /** The targets an article may be submitted to, with what happened to earlier submissions. */
    async targets(articleDocumentId: string, user: AdminUser): Promise<SubmissionTargets> {
      const { article, eligible, all, source } = await submittable(articleDocumentId, user);
      const earlier = (await strapi.db
        .query(SUBMISSION)
        .findMany({ where: { sourceArticleDocumentId: articleDocumentId } })) as SubmissionRow[];
      return {
        article: {
          documentId: articleDocumentId,
          title: article.title,
          site: publicSite(source),
          eligible,
          reason: eligible ? null : ERRORS.notEligible,
        },
        targets: targetsOf(source, all).map((site) => {
          const found = earlier.find((row) => row.targetSiteDocumentId === site.documentId);
          return {
            site: publicSite(site)!,
            submission: found
              ? { id: found.id, status: found.status, declineReason: found.declineReason ?? null }
              : null,
          };
        }),
      };
    },

    /** 报送: one submission per article and target; a withdrawn one may be sent again. */
    async submit(
      {
        article: articleDocumentId,
        target,
        note,
      }: { article: string; target: string; note: string | null },
      user: AdminUser
    ) {
      const { article, eligible, all, source } = await submittable(articleDocumentId, user);
      if (!eligible) throw new errors.ValidationError(ERRORS.notEligible);
      const targetSite = targetsOf(source, all).find(
        (site) => site.documentId === target || site.code === target
      );
      if (!targetSite) throw new errors.ValidationError(ERRORS.notATarget);

      const data = {
        sourceArticleDocumentId: articleDocumentId,
        sourceSiteDocumentId: source.documentId,
        targetSiteDocumentId: targetSite.documentId,
        title: article.title,
        summary: article.summary ?? null,
        note,
        status: 'submitted' as const,
        submittedAt: new Date(),
        submittedById: user.id,
        submittedByName: personName(user),
        decidedAt: null,
        decidedById: null,
        decidedByName: null,
        declineReason: null,
        adoptedArticleDocumentId: null,
        sourcePublished: true,
        copyPublished: false,
      };
      const pair = {
        sourceArticleDocumentId: articleDocumentId,
        targetSiteDocumentId: targetSite.documentId,
      };
      const refuseIfSent = (earlier: SubmissionRow | null) => {
        if (earlier && earlier.status !== 'withdrawn')
          throw new errors.ApplicationError(
            ERRORS.alreadySubmitted(targetSite.name, earlier.status)
          );
      };
      let saved: SubmissionRow;
      try {
        saved = await strapi.db.transaction(async () => {
          const earlier = (await strapi.db
            .query(SUBMISSION)
            .findOne({ where: pair })) as SubmissionRow | null;
          refuseIfSent(earlier);
          return earlier
            ? strapi.db.query(SUBMISSION).update({
                where: { id: earlier.id },
                data: { ...data, events: earlier.events ?? [] },
              })
            : strapi.db.query(SUBMISSION).create({ data: { ...data, events: [] } });
        });
      } catch (error) {
        // Two editors submitting at the same moment: the unique index (article, target) let one in.
        if (!(error instanceof errors.ApplicationError))
          refuseIfSent(
            (await strapi.db.query(SUBMISSION).findOne({ where: pair })) as SubmissionRow | null
          );
        throw error;
      }
      await getService(strapi, 'audit').record('submission.submit', {
        subject: `submission ${saved.id}`,
        summary: `将《${article.title}》从${source.name}报送至${targetSite.name}`,
        details: {
          submission: saved.id,
          article: articleDocumentId,
          source: source.code,
          target: targetSite.code,
        },
        actor: user,
      });
      return shape(saved, all, new Set([articleDocumentId]));
    },

    /** 撤回: before the receiving site decides; an adopted submission stays. */
    async withdraw(id: number, user: AdminUser) {
      const row = await load(id);
      await assertSubmitter(user, row.sourceSiteDocumentId);
      if (row.status !== 'submitted')
        throw new errors.ApplicationError(ERRORS.cannotWithdraw(row.status));
      await claim(row, {
        status: 'withdrawn',
        decidedAt: new Date(),
        decidedById: user.id,
        decidedByName: personName(user),
      });
      await getService(strapi, 'audit').record('submission.withdraw', {
        subject: `submission ${id}`,
        summary: `撤回报送至${await siteName(row.targetSiteDocumentId)}的《${row.title}》`,
        actor: user,
      });
      return { id, status: 'withdrawn' as const };
    },

    /**
     * 采用: a draft on the receiving site with the source's content and attribution, written by
     * the adopter (who therefore does not review it), and reviewed there before it is published.
     */
    async adopt(id: number, user: AdminUser): Promise<AdoptedSubmission> {
      const row = await load(id);
      await assertReceiver(user, row.targetSiteDocumentId);
      if (row.status !== 'submitted') throw new errors.ApplicationError(ERRORS.alreadyDecided);
      const all = await sites();
      const source = all.get(row.sourceSiteDocumentId);
      const { article } = await sourceOf(row.sourceArticleDocumentId);
      const copy = await strapi.db.transaction(async () => {
        await claim(row, {
          status: 'adopted',
          decidedAt: new Date(),
          decidedById: user.id,
          decidedByName: personName(user),
        });
        const created = await strapi.documents(ARTICLE).create({
          data: {
            title: article.title,
            summary: article.summary,
            body: article.body,
            // The receiving site's own column of that name, if it has one; else its editor chooses.
            column: await getService(strapi, 'siteColumns').keptOn(
              row.targetSiteDocumentId,
              article.column
            ),
            isSpecialTopic: article.isSpecialTopic,
            site: row.targetSiteDocumentId,
            sourceSiteName: source?.name ?? null,
            sourceSiteCode: source?.code ?? null,
            sourceArticleDocumentId: row.sourceArticleDocumentId,
            sourceSubmitterName: row.submittedByName,
            createdBy: user.id,
            updatedBy: user.id,
          } as never,
        });
        await strapi.db.query(SUBMISSION).update({
          where: { id },
          // 采用 counts from the copy's publication on (follow.ts), not from the decision.
          data: { adoptedArticleDocumentId: created.documentId, copyPublished: false },
        });
        return created;
      });
      await getService(strapi, 'audit').record('submission.adopt', {
        subject: `submission ${id}`,
        summary: `为${all.get(row.targetSiteDocumentId)?.name ?? '本站'}采用${source?.name ?? '下级网站'}报送的《${row.title}》`,
        details: { submission: id, article: copy.documentId },
        actor: user,
      });
      return { id, status: 'adopted', articleDocumentId: copy.documentId };
    },

    /** 退回: with the reason the submitter reads. */
    async decline(id: number, reason: string, user: AdminUser) {
      const row = await load(id);
      await assertReceiver(user, row.targetSiteDocumentId);
      await claim(row, {
        status: 'declined',
        decidedAt: new Date(),
        decidedById: user.id,
        decidedByName: personName(user),
        declineReason: reason,
      });
      await getService(strapi, 'audit').record('submission.decline', {
        subject: `submission ${id}`,
        summary: `退回${await siteName(row.sourceSiteDocumentId)}报送的《${row.title}》，理由：${reason}`,
        actor: user,
      });
      return { id, status: 'declined' as const };
    },
  };
};

export default submissionsService;
