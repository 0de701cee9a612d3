import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import type { Rectification, RectificationStatus } from '../../../shared/contracts/oversight';
import type { GovernanceConfig } from '../config';
import { memberSiteDocumentIds, siteScope } from '../sites/scope';
import { forbidden } from '../utils/forbidden';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { ERRORS } from './messages';
import { INSPECTION_NOTICE, RECTIFICATION } from '../uids';
import type { AdminUser } from '../utils/document-middleware';
import type { AuditActor } from '../audit/sentence';
import { chineseDate } from '../../../shared/chinese-date';

interface TaskRow {
  id: number;
  noticeId: number;
  siteDocumentId: string;
  siteCode: string;
  siteName: string;
  problems: string[];
  deadline: string;
  status: RectificationStatus;
  evidence: string | null;
  submittedAt: string | null;
  submittedByName: string | null;
  reviewComment: string | null;
  closedAt: string | null;
  closedByName: string | null;
  createdAt: string;
}

/** Which sites' tasks a user sees: every site, or the document ids of the sites they work for. */
export type TaskScope = { all: true } | { all: false; sites: string[] };

const iso = (value: string | null) => (value ? new Date(value).toISOString() : null);

/**
 * 整改任务: every site named in a published inspection notice fixes what it was named for and
 * reports it with evidence; the province accepts (办结) or returns it. Each step is a guarded
 * update from the status the caller saw, so two people acting at once cannot both succeed.
 */
const rectificationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const today = () =>
    DateTime.now()
      .setZone((strapi.config.get('plugin::governance') as GovernanceConfig).timezone)
      .toISODate()!;

  const toTask = (
    row: TaskRow,
    notices: Map<number, { id: number; title: string; articleDocumentId: string }>
  ): Rectification => ({
    id: row.id,
    site: { documentId: row.siteDocumentId, code: row.siteCode, name: row.siteName },
    notice: notices.get(row.noticeId) ?? { id: row.noticeId, title: '', articleDocumentId: '' },
    problems: row.problems,
    deadline: row.deadline,
    status: row.status,
    overdue: row.status !== 'closed' && row.deadline < today(),
    evidence: row.evidence,
    submittedAt: iso(row.submittedAt),
    submittedBy: row.submittedByName,
    reviewComment: row.reviewComment,
    closedAt: iso(row.closedAt),
    closedBy: row.closedByName,
    createdAt: new Date(row.createdAt).toISOString(),
  });

  const withNotices = async (rows: TaskRow[]) => {
    const notices = (await strapi.db.query(INSPECTION_NOTICE).findMany({
      where: { id: { $in: [...new Set(rows.map((r) => r.noticeId))] } },
      select: ['id', 'title', 'articleDocumentId'],
    })) as Array<{ id: number; title: string; articleDocumentId: string }>;
    const byId = new Map(notices.map((n) => [n.id, n]));
    return rows.map((row) => toTask(row, byId));
  };

  const load = async (id: number) => {
    const row = (await strapi.db.query(RECTIFICATION).findOne({ where: { id } })) as TaskRow | null;
    if (!row) throw new errors.NotFoundError(ERRORS.noSuchTask(id));
    return row;
  };

  /** Moves a task from the status read to the next; refuses when someone moved it first. */
  const move = async (row: TaskRow, data: Partial<TaskRow>, refusal: string) => {
    const { count } = await strapi.db
      .query(RECTIFICATION)
      .updateMany({ where: { id: row.id, status: row.status }, data });
    if (count !== 1) throw new errors.ApplicationError(refusal);
    return (await withNotices([await load(row.id)]))[0];
  };

  const service = {
    /** The sites a user's tasks belong to. */
    async scopeOf(user: AdminUser): Promise<TaskScope> {
      if ((await siteScope(strapi, user)).all) return { all: true };
      return { all: false, sites: [...(await memberSiteDocumentIds(strapi, user.id))] };
    },

    /** Tasks, the open and overdue first, then by deadline. */
    async list(
      filters: { status?: RectificationStatus; site?: string },
      scope: TaskScope
    ): Promise<Rectification[]> {
      const sites = scope.all ? undefined : scope.sites;
      if (sites && filters.site && !sites.includes(filters.site)) return [];
      const where = {
        ...(filters.status ? { status: filters.status } : {}),
        ...(filters.site
          ? { siteDocumentId: filters.site }
          : sites
            ? { siteDocumentId: { $in: sites } }
            : {}),
      };
      const rows = (await strapi.db
        .query(RECTIFICATION)
        .findMany({ where, orderBy: [{ deadline: 'asc' }, { id: 'asc' }] })) as TaskRow[];
      const order: Record<RectificationStatus, number> = { open: 0, submitted: 1, closed: 2 };
      return (await withNotices(rows)).sort((a, b) => order[a.status] - order[b.status]);
    },

    /** Creates the tasks of a published notice, once per site (the unique index backs the check). */
    async openFor(
      notice: {
        id: number;
        title: string;
        deadline: string;
        named: Array<{
          site: { documentId: string; code: string; name: string };
          problems: string[];
        }>;
      },
      /** Who published the notice: the tasks are theirs. */
      actor: AuditActor
    ) {
      let opened = 0;
      for (const { site, problems } of notice.named) {
        if (
          await strapi.db.query(RECTIFICATION).findOne({
            where: { noticeId: notice.id, siteDocumentId: site.documentId },
            select: ['id'],
          })
        )
          continue;
        await strapi.db.query(RECTIFICATION).create({
          data: {
            noticeId: notice.id,
            siteDocumentId: site.documentId,
            siteCode: site.code,
            siteName: site.name,
            problems,
            deadline: notice.deadline,
            status: 'open',
          },
        });
        opened += 1;
      }
      if (opened > 0) {
        await getService(strapi, 'audit').record('rectification.open', {
          subject: `inspection-notice ${notice.id}`,
          summary: `发布《${notice.title}》，向${opened}个网站下发整改任务，整改期限${chineseDate(notice.deadline, { weekday: false })}`,
          actor,
        });
      }
      return opened;
    },

    /** 提交整改情况: by a member of the named site, while the task is open. */
    async submitEvidence(id: number, evidence: string, user: AdminUser) {
      const row = await load(id);
      const scope = await service.scopeOf(user);
      if (scope.all || !scope.sites.includes(row.siteDocumentId))
        throw forbidden(ERRORS.notTaskSite);
      if (row.status !== 'open') throw new errors.ApplicationError(ERRORS.notOpen);
      const task = await move(
        row,
        {
          status: 'submitted',
          evidence,
          submittedAt: new Date().toISOString(),
          submittedByName: personName(user),
          reviewComment: null,
        },
        ERRORS.notOpen
      );
      await getService(strapi, 'audit').record('rectification.submit', {
        subject: `rectification ${id}`,
        summary: `提交${row.siteName}的整改情况${task.notice.title ? `（《${task.notice.title}》）` : ''}`,
        actor: user,
      });
      return task;
    },

    /** 验收: the province closes the task, or returns it to the site with its comment. */
    async review(
      id: number,
      { accept, comment }: { accept: boolean; comment: string | null },
      user: AdminUser
    ) {
      const row = await load(id);
      if (row.status !== 'submitted') throw new errors.ApplicationError(ERRORS.notSubmitted);
      const data = accept
        ? {
            status: 'closed' as const,
            reviewComment: comment,
            closedAt: new Date().toISOString(),
            closedByName: personName(user),
          }
        : { status: 'open' as const, reviewComment: comment };
      const task = await move(row, data, ERRORS.notSubmitted);
      await getService(strapi, 'audit').record('rectification.review', {
        subject: `rectification ${id}`,
        summary: `${accept ? '验收通过' : '退回'}${row.siteName}的整改${task.notice.title ? `（《${task.notice.title}》）` : ''}${accept ? '' : `，意见：${comment}`}`,
        actor: user,
      });
      return task;
    },
  };
  return service;
};

export default rectificationsService;
