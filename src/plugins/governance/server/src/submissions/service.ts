import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import type { Capacity } from '../../../shared/contracts/sites';
import type {
  AdoptedSubmission,
  Submission,
  SubmissionSite,
  SubmissionStatus,
  SubmissionTargets,
} from '../../../shared/contracts/submissions';
import type { GovernanceConfig } from '../config';
import { memberSiteDocumentIds, siteScope } from '../sites/scope';
import type { SiteRow } from '../sites/site-rows';
import { dbNames } from '../utils/db-names';
import type { AdminUser } from '../utils/document-middleware';
import { forbidden } from '../utils/forbidden';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { ERRORS } from './messages';
import type { ListFilters } from './validation';
import { ARTICLE, SITE, SUBMISSION } from '../uids';

const PAGE_SIZE = 20;

/**
 * Who acts for a site in 信息报送: its editors. Not its leader, who takes the first review step
 * of what the site adopts and so must not be its author.
 */
const WORKING_CAPACITIES: Capacity[] = ['editor'];

/** A site as 信息报送 reads it: with its parent, a county's city (where it may submit). */
type SiteWithParent = Pick<SiteRow, 'id' | 'documentId' | 'code' | 'name' | 'level' | 'active'> & {
  parent: { documentId: string } | null;
};

interface SubmissionRow {
  id: number;
  sourceArticleDocumentId: string;
  sourceSiteDocumentId: string;
  targetSiteDocumentId: string;
  title: string;
  summary: string | null;
  note: string | null;
  status: SubmissionStatus;
  submittedAt: string;
  submittedById: number | null;
  submittedByName: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  declineReason: string | null;
  adoptedArticleDocumentId: string | null;
}

/**
 * 信息报送: a site's editors submit one of its articles (published, or approved for publication)
 * upward — to the portal, or from a county to its city — once per target. Only the receiving
 * site's editors adopt it, which makes a draft of their own site carrying its source, reviewed
 * there like any article before it is published; or decline it with a reason the submitter sees.
 */
const submissionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const timezone = () => (strapi.config.get('plugin::governance') as GovernanceConfig).timezone;

  const sites = async (): Promise<Map<string, SiteWithParent>> => {
    const rows = (await strapi.db.query(SITE).findMany({
      select: ['id', 'documentId', 'code', 'name', 'level', 'active'],
      populate: { parent: { select: ['documentId'] } },
    })) as SiteWithParent[];
    return new Map(rows.map((site) => [site.documentId, site]));
  };

  /** One site's name, for an entry of the audit trail. */
  const siteName = async (documentId: string) =>
    (
      (await strapi.db.query(SITE).findOne({ where: { documentId }, select: ['name'] })) as {
        name: string;
      } | null
    )?.name ?? '';

  const publicSite = (site: SiteWithParent | undefined): SubmissionSite | null =>
    site
      ? { documentId: site.documentId, code: site.code, name: site.name, level: site.level }
      : null;

  /** The ids of the sites where the user holds one of `capacities`. */
  const sitesWorkedFor = (user: AdminUser, capacities: Capacity[] = WORKING_CAPACITIES) =>
    memberSiteDocumentIds(strapi, user.id, capacities);

  /** The article as it would be republished: its published version, else its approved draft. */
  const sourceOf = async (documentId: string) => {
    const rows = await strapi.db.query(ARTICLE).findMany({
      where: { documentId },
      populate: { site: { select: ['documentId'] } },
    });
    const published = rows.find((row: { publishedAt: unknown }) => row.publishedAt);
    const draft = rows.find((row: { publishedAt: unknown }) => !row.publishedAt);
    if (!draft && !published) throw new errors.NotFoundError(ERRORS.noSuchArticle(documentId));
    const eligible = Boolean(published) || draft?.reviewStatus === 'approved';
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

  const localDays = (from: string | Date, to: Date) =>
    Math.max(
      0,
      Math.floor(
        DateTime.fromJSDate(to, { zone: timezone() })
          .startOf('day')
          .diff(DateTime.fromJSDate(new Date(from), { zone: timezone() }).startOf('day'), 'days')
          .days
      )
    );

  const shape = (
    row: SubmissionRow,
    all: Map<string, SiteWithParent>,
    existing: Set<string>,
    now = new Date()
  ): Submission => ({
    id: row.id,
    status: row.status,
    title: row.title,
    summary: row.summary ?? null,
    note: row.note ?? null,
    sourceArticleDocumentId: row.sourceArticleDocumentId,
    sourceExists: existing.has(row.sourceArticleDocumentId),
    sourceSite: publicSite(all.get(row.sourceSiteDocumentId)),
    targetSite: publicSite(all.get(row.targetSiteDocumentId)),
    submittedAt: new Date(row.submittedAt).toISOString(),
    submittedByName: row.submittedByName ?? '',
    waitingDays: localDays(row.submittedAt, row.decidedAt ? new Date(row.decidedAt) : now),
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    decidedByName: row.decidedByName ?? null,
    declineReason: row.declineReason ?? null,
    adoptedArticleDocumentId: row.adoptedArticleDocumentId ?? null,
  });

  const existingArticles = async (rows: SubmissionRow[]) => {
    const ids = [...new Set(rows.map((row) => row.sourceArticleDocumentId))];
    if (ids.length === 0) return new Set<string>();
    const found = await strapi.db
      .query(ARTICLE)
      .findMany({ where: { documentId: { $in: ids } }, select: ['documentId'] });
    return new Set(found.map((row: { documentId: string }) => row.documentId));
  };

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

  const list = async (
    where: Record<string, unknown>,
    filters: ListFilters,
    all: Map<string, SiteWithParent>
  ) => {
    const sourceSites = [...all.values()].filter(
      (site) =>
        (!filters.site || site.code === filters.site) &&
        (!filters.level || site.level === filters.level)
    );
    const conditions: Record<string, unknown>[] = [
      where,
      { sourceSiteDocumentId: { $in: sourceSites.map((s) => s.documentId) } },
    ];
    if (filters.status) conditions.push({ status: filters.status });
    if (filters.minWaitingDays) {
      const before = DateTime.now()
        .setZone(timezone())
        .startOf('day')
        .minus({ days: filters.minWaitingDays - 1 })
        .toJSDate();
      conditions.push({ submittedAt: { $lt: before } });
    }
    const page = filters.page ?? 1;
    const [rows, total] = await Promise.all([
      strapi.db.query(SUBMISSION).findMany({
        where: { $and: conditions },
        orderBy: [{ submittedAt: filters.status === 'submitted' ? 'asc' : 'desc' }, { id: 'asc' }],
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }) as Promise<SubmissionRow[]>,
      strapi.db.query(SUBMISSION).count({ where: { $and: conditions } }),
    ]);
    const existing = await existingArticles(rows);
    return {
      data: rows.map((row) => shape(row, all, existing)),
      pagination: { page, pageSize: PAGE_SIZE, total, pageCount: Math.ceil(total / PAGE_SIZE) },
    };
  };

  return {
    /** The targets an article may be submitted to, with what happened to earlier submissions. */
    async targets(articleDocumentId: string, user: AdminUser): Promise<SubmissionTargets> {
      const [{ article, eligible }, all] = await Promise.all([
        sourceOf(articleDocumentId),
        sites(),
      ]);
      const source = all.get(article.site?.documentId);
      if (!source) throw new errors.ValidationError(ERRORS.noSite);
      await assertSubmitter(user, source.documentId);
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
      const [{ article, eligible }, all] = await Promise.all([
        sourceOf(articleDocumentId),
        sites(),
      ]);
      const source = all.get(article.site?.documentId);
      if (!source) throw new errors.ValidationError(ERRORS.noSite);
      await assertSubmitter(user, source.documentId);
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
            ? strapi.db.query(SUBMISSION).update({ where: { id: earlier.id }, data })
            : strapi.db.query(SUBMISSION).create({ data });
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
            column: article.column,
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
        await strapi.db
          .query(SUBMISSION)
          .update({ where: { id }, data: { adoptedArticleDocumentId: created.documentId } });
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

    /** 报送信息 (incoming): submissions to the sites the user works for, oldest open first. */
    async incoming(filters: ListFilters, user: AdminUser) {
      const [all, mine] = await Promise.all([sites(), sitesWorkedFor(user)]);
      const { data, pagination } = await list(
        { targetSiteDocumentId: { $in: [...mine] } },
        filters,
        all
      );
      return { data, meta: { pagination, counts: await this.counts(user) } };
    },

    /** 我的报送 (outgoing): submissions from the user's sites (every site for the province). */
    async outgoing(filters: ListFilters, user: AdminUser) {
      const all = await sites();
      const scope = await siteScope(strapi, user);
      const where = scope.all
        ? {}
        : { sourceSiteDocumentId: { $in: [...(await sitesWorkedFor(user))] } };
      const { data, pagination } = await list(where, filters, all);
      return { data, meta: { pagination, counts: await this.counts(user) } };
    },

    /** Open submissions waiting for the user's sites, and the user's sites' waiting ones. */
    async counts(user: AdminUser) {
      const mine = [...(await sitesWorkedFor(user))];
      const [incoming, outgoing] = await Promise.all([
        strapi.db
          .query(SUBMISSION)
          .count({ where: { targetSiteDocumentId: { $in: mine }, status: 'submitted' } }),
        strapi.db
          .query(SUBMISSION)
          .count({ where: { sourceSiteDocumentId: { $in: mine }, status: 'submitted' } }),
      ]);
      return { incoming, outgoing };
    },

    /** Per sending site (document id), what it submitted in [start, end) (not withdrawn) and what was adopted. */
    async sentBetween(start: Date, end: Date) {
      const submission = dbNames(strapi, SUBMISSION);
      const rows = (await strapi.db
        .connection(submission.table)
        .select({ site: submission.column('sourceSiteDocumentId') })
        .count({ submitted: '*' })
        .sum({
          adopted: strapi.db.connection.raw('case when ?? = ? then 1 else 0 end', [
            submission.column('status'),
            'adopted',
          ]),
        })
        .whereNot(submission.column('status'), 'withdrawn')
        .where(submission.column('submittedAt'), '>=', start)
        .where(submission.column('submittedAt'), '<', end)
        .groupBy(submission.column('sourceSiteDocumentId'))) as Array<{
        site: string;
        submitted: number | string;
        adopted: number | string | null;
      }>;
      return new Map(
        rows.map((row) => [
          row.site,
          { submitted: Number(row.submitted), adopted: Number(row.adopted ?? 0) },
        ])
      );
    },
  };
};

export default submissionsService;
