import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import type {
  InspectionNotice,
  InspectionNoticeDraft,
  NamedSite,
} from '../../../shared/contracts/oversight';
import type { GovernanceConfig } from '../config';
import { siteRows } from '../sites/site-rows';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { inspectionNotice } from './inspection-notice';
import { ERRORS } from './messages';
import { ARTICLE, INSPECTION_NOTICE, RECTIFICATION } from '../uids';
import type { AdminUser } from '../utils/document-middleware';
import { chineseDate } from '../../../shared/chinese-date';
import type { AuditActor } from '../audit/sentence';

/** The column of the portal that carries the province’s notices, when the portal has set it up. */
const NOTICE_COLUMN = '通知公告';

interface NoticeRow {
  id: number;
  title: string;
  periodFrom: string;
  periodTo: string;
  articleDocumentId: string;
  named: NamedSite[];
  deadline: string;
  issuedByName: string | null;
  createdAt: string;
  noticePublishedAt: string | null;
}

/**
 * 监测通报: the inspection notice drafted from the data for a period, carried by a draft article
 * of the portal that the provincial admin edits in the Content Manager and sends through the
 * portal's review like any article. Publishing it opens a rectification task (整改) for every
 * site it names.
 */
const noticesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;
  const zone = () => config().timezone;
  const localDate = (instant: Date) => DateTime.fromJSDate(instant, { zone: zone() }).toISODate()!;

  /** The period's instants, [start, end), or a 400 for a period that is not one. */
  const periodOf = (from: string, to: string, now: Date) => {
    const start = DateTime.fromISO(from, { zone: zone() }).startOf('day');
    const last = DateTime.fromISO(to, { zone: zone() }).startOf('day');
    const today = DateTime.fromJSDate(now, { zone: zone() }).startOf('day');
    if (
      !start.isValid ||
      !last.isValid ||
      start > last ||
      last > today ||
      last.diff(start, 'days').days > 366
    ) {
      throw new errors.ValidationError(ERRORS.period);
    }
    return { start: start.toJSDate(), end: last.plus({ days: 1 }).toJSDate() };
  };

  const toNotice = (
    row: NoticeRow,
    counts: Map<number, { total: number; closed: number }>
  ): InspectionNotice => ({
    id: row.id,
    title: row.title,
    period: { from: row.periodFrom, to: row.periodTo },
    articleDocumentId: row.articleDocumentId,
    named: row.named,
    deadline: row.deadline,
    createdBy: row.issuedByName,
    createdAt: new Date(row.createdAt).toISOString(),
    publishedAt: row.noticePublishedAt ? new Date(row.noticePublishedAt).toISOString() : null,
    rectifications: counts.get(row.id) ?? { total: 0, closed: 0 },
  });

  /** Article blocks: the sections' headings and paragraphs, as the Content Manager edits them. */
  const bodyOf = (draft: Omit<InspectionNoticeDraft, 'period' | 'deadline'>) =>
    draft.sections.flatMap((section) => [
      { type: 'heading', level: 2, children: [{ type: 'text', text: section.heading }] },
      ...section.paragraphs.map((text) => ({
        type: 'paragraph',
        children: [{ type: 'text', text }],
      })),
    ]);

  const service = {
    /** The notice for the period `from`–`to` (local dates, both included), judged as of its end. */
    async draft(
      from: string,
      to: string,
      now = new Date(),
      deadline?: string
    ): Promise<InspectionNoticeDraft> {
      const { start, end } = periodOf(from, to, now);
      const asOf = end < now ? new Date(end.getTime() - 1) : now;
      const { oversight, replies, groupName } = config();
      const [sites, mixes, messages, standing] = await Promise.all([
        siteRows(strapi).then((rows) => rows.filter((site) => site.active)),
        getService(strapi, 'oversight').periodMix(start, end),
        getService(strapi, 'messageStatistics').forRange(start, end),
        getService(strapi, 'oversight').bySite(asOf),
      ]);
      const figures = new Map(
        messages.levels.flatMap((level) =>
          level.sites.map((s) => [s.site.code, s.figures] as const)
        )
      );
      const standings = new Map(standing.map((s) => [s.site.documentId, s]));
      const due =
        deadline ??
        DateTime.fromJSDate(now, { zone: zone() })
          .plus({ days: oversight.notice.rectificationDays })
          .toISODate()!;
      const text = inspectionNotice(
        {
          groupName,
          period: { from, to },
          asOf: localDate(asOf),
          deadline: due,
          sites: sites.map((site) => ({
            site: {
              documentId: site.documentId,
              code: site.code,
              name: site.name,
              level: site.level,
              sortOrder: site.sortOrder,
            },
            mix: mixes.get(Number(site.id)) ?? {
              workNews: 0,
              analysis: 0,
              disclosure: 0,
              other: 0,
            },
            messages: figures.get(site.code) ?? null,
            standing: standings.get(site.documentId) ?? null,
          })),
          veto: oversight.veto,
          staleAfterDays: oversight.staleAfterDays,
          replyWorkingDays: replies.workingDays,
        },
        oversight.notice
      );
      return { period: { from, to }, deadline: due, ...text };
    },

    /**
     * Drafts the notice again on the server (its figures are never taken from the browser) and
     * puts it in a draft article of the portal, naming the sites chosen from those it names.
     */
    async create(
      input: { from: string; to: string; title: string; sites: string[]; deadline: string },
      user: AdminUser,
      now = new Date()
    ) {
      const today = DateTime.fromJSDate(now, { zone: zone() }).startOf('day');
      const deadline = DateTime.fromISO(input.deadline, { zone: zone() });
      if (!deadline.isValid || deadline < today || deadline > today.plus({ years: 1 }))
        throw new errors.ValidationError(ERRORS.deadline);
      const draft = await service.draft(input.from, input.to, now, input.deadline);
      const named = draft.named.filter((n) => input.sites.includes(n.site.documentId));
      if (named.length !== new Set(input.sites).size)
        throw new errors.ValidationError(ERRORS.sites);

      const portal = (await siteRows(strapi)).find(
        (site) => site.level === 'portal' && site.active
      );
      if (!portal) throw new errors.ApplicationError(ERRORS.noPortal);
      // The named sites' problems close the text, so the article says what each must fix.
      const list =
        named.length > 0
          ? [
              {
                heading: '附件：被通报网站及问题清单',
                paragraphs: named.map(
                  (n, i) => `${i + 1}. ${n.site.name}：${n.problems.join('；')}。`
                ),
              },
            ]
          : [];
      const sections = [...draft.sections, ...list];

      return strapi.db.transaction(async () => {
        const article = await strapi.documents(ARTICLE).create({
          data: {
            title: input.title,
            summary: draft.sections[0].paragraphs.join('').slice(0, 500),
            body: bodyOf({ ...draft, sections }),
            column: await getService(strapi, 'siteColumns').keptOn(
              portal.documentId,
              NOTICE_COLUMN
            ),
            site: portal.documentId,
            createdBy: user.id,
            updatedBy: user.id,
          } as never,
        });
        const row = (await strapi.db.query(INSPECTION_NOTICE).create({
          data: {
            title: input.title,
            periodFrom: input.from,
            periodTo: input.to,
            articleDocumentId: article.documentId,
            named,
            deadline: input.deadline,
            issuedById: user.id,
            issuedByName: personName(user),
          },
        })) as NoticeRow;
        await getService(strapi, 'audit').record('oversight.notice', {
          subject: `inspection-notice ${row.id}`,
          summary: `生成《${input.title}》通报稿，通报${named.length}个网站，整改期限${chineseDate(input.deadline, { weekday: false })}`,
          details: { article: article.documentId, sites: named.map((n) => n.site.code) },
          actor: user,
        });
        return toNotice(row, new Map());
      });
    },

    /** The notices made, newest first, with their tasks' progress. */
    async list(): Promise<InspectionNotice[]> {
      const rows = (await strapi.db
        .query(INSPECTION_NOTICE)
        .findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })) as NoticeRow[];
      const tasks = (await strapi.db
        .query(RECTIFICATION)
        .findMany({ select: ['noticeId', 'status'] })) as Array<{
        noticeId: number;
        status: string;
      }>;
      const counts = new Map<number, { total: number; closed: number }>();
      for (const task of tasks) {
        const count = counts.get(task.noticeId) ?? { total: 0, closed: 0 };
        count.total += 1;
        if (task.status === 'closed') count.closed += 1;
        counts.set(task.noticeId, count);
      }
      return rows.map((row) => toNotice(row, counts));
    },

    /**
     * Called when an article is published: when it carries a notice published for the first
     * time, its named sites get their tasks. The stamp is a guarded update, so a republish, or
     * two publications at once, open them once.
     */
    async onArticlePublished(articleDocumentId: string, actor: AuditActor, now = new Date()) {
      const row = (await strapi.db
        .query(INSPECTION_NOTICE)
        .findOne({ where: { articleDocumentId } })) as NoticeRow | null;
      if (!row || row.noticePublishedAt) return 0;
      const { count } = await strapi.db.query(INSPECTION_NOTICE).updateMany({
        where: { id: row.id, noticePublishedAt: { $null: true } },
        data: { noticePublishedAt: now },
      });
      if (count !== 1) return 0;
      const article = (await strapi.db
        .query(ARTICLE)
        .findOne({ where: { documentId: articleDocumentId }, select: ['title'] })) as {
        title: string;
      } | null;
      return getService(strapi, 'rectifications').openFor(
        { ...row, title: article?.title ?? row.title },
        actor
      );
    },
  };
  return service;
};

export default noticesService;
