import type { Core } from '@strapi/strapi';
import {
  isFindingRule,
  type FindingRule,
  type OversightAlert,
  type OversightAlertPage,
  type RuleStatus,
  type SiteOversight,
  type VetoRule,
} from '../../../shared/contracts/oversight';
import type { SiteStanding } from '../../../shared/contracts/workbench';
import type { GovernanceConfig } from '../config';
import { lastFinishedAt, runWithLease } from '../jobs/lease';
import { siteLeaders, type SiteLeader } from '../sites/scope';
import { emailsOn, sendEmail } from '../utils/email';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { RULE_NAMES, describeVerdict } from './wording';
import { ADMIN_USER, OVERSIGHT_ALERT, OVERSIGHT_RULE_STATE, SITE } from '../uids';
import { dbNames } from '../utils/db-names';
import { findPage } from '../utils/paged';
import type { SitePageRequest } from '../../../shared/contracts/pagination';

export const OVERSIGHT_JOB = 'governance-oversight-daily';
const PROVINCIAL_ROLE = 'governance-provincial-admin';

const INSPECTION_PAGE = '站群监测 → 内容巡检';
/** Findings an inspection alert's e-mail names; the rest are counted. */
const MAILED_FINDINGS = 10;

const SEVERITY: Record<RuleStatus, number> = { ok: 0, warning: 1, tripped: 2 };

/** Who is told: a site leader or a provincial admin. */
type Person = SiteLeader;

interface AlertRow {
  id: number;
  siteDocumentId: string;
  siteCode: string;
  siteName: string;
  rule: VetoRule;
  status: 'warning' | 'tripped';
  value: number | null;
  threshold: number | null;
  daysLeft: number | null;
  raisedAt: string;
  notified: string[] | null;
  emailed: boolean;
  findingId: number | null;
  detail: string | null;
  groupKey: string | null;
}

/** A serious fault the content inspection has just found online, as its alert names it. */
export interface NewSeriousFinding {
  id: number;
  site: { documentId: string; code: string; name: string };
  rule: FindingRule;
  /** 《标题》正文：“找到的文字”（应为：……）. */
  detail: string;
}

export const toAlert = (row: AlertRow): OversightAlert => ({
  id: row.id,
  site: { documentId: row.siteDocumentId, code: row.siteCode, name: row.siteName },
  rule: row.rule,
  status: row.status,
  value: row.value,
  threshold: row.threshold,
  daysLeft: row.daysLeft,
  raisedAt: new Date(row.raisedAt).toISOString(),
  notified: row.notified ?? [],
  emailed: row.emailed,
  finding: row.findingId
    ? { id: row.findingId, detail: row.detail ?? '', count: row.value ?? 1 }
    : null,
});

/**
 * 监测预警: once a day, on one instance of several, every site's rules are judged and a rule
 * that got worse (正常 → 预警, 正常 or 预警 → 否决) raises one alert to the site's leaders
 * (第一责任人) and the provincial admins. The last status seen per site and rule is a row with a
 * unique key; moving it is a guarded update (only from the status this run read), so however
 * many runs meet, each change is alerted once. A rule that recovers resets quietly, so that
 * failing again is news again.
 */
const alertsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;

  /** Moves the stored status of a site's rule; answers whether this call made the move. */
  const claim = async (
    key: string,
    siteDocumentId: string,
    rule: VetoRule,
    status: RuleStatus,
    now: Date
  ) => {
    const states = strapi.db.query(OVERSIGHT_RULE_STATE);
    const current = (await states.findOne({ where: { key }, select: ['status'] })) as {
      status: RuleStatus;
    } | null;
    if (!current) {
      try {
        await states.create({ data: { key, siteDocumentId, rule, status, since: now } });
        return { moved: true, from: 'ok' as RuleStatus };
      } catch {
        return { moved: false, from: status }; // Another run created it first.
      }
    }
    if (current.status === status) return { moved: false, from: status };
    const { count } = await states.updateMany({
      where: { key, status: current.status },
      data: { status, since: now },
    });
    return { moved: count === 1, from: current.status };
  };

  const provincialAdmins = async () =>
    (await strapi.db.query(ADMIN_USER).findMany({
      where: { isActive: true, roles: { code: PROVINCIAL_ROLE } },
      select: ['firstname', 'lastname', 'email', 'isActive'],
    })) as Person[];

  /** `page`: where in the admin the person finds the evidence. */
  const mail = async (to: Person, subject: string, lines: string[], page = '站群管理 → 站群监测') =>
    sendEmail(
      strapi,
      to.email,
      subject,
      `${personName(to)}：\n\n${lines.join('\n')}\n\n请登录后台“${page}”查看依据。`
    );

  const service = {
    /**
     * Judges every site at `now` and raises the alerts of the rules that got worse since the
     * last run; answers the alerts raised by this call. Everything it writes follows from the
     * changes it claimed, so two runs that meet raise, mail and log each change once (each run's
     * log entry names its own alerts). Once `signal` aborts (the job's lease lost), no more
     * changes are claimed; the ones claimed already are still raised, since no other run will.
     */
    async raise(
      now = new Date(),
      { sites, signal }: { sites?: SiteOversight[]; signal?: AbortSignal } = {}
    ): Promise<OversightAlert[]> {
      const standing = sites ?? (await getService(strapi, 'oversight').bySite(now));
      const raised: Array<{ site: SiteOversight; verdict: SiteOversight['rules'][number] }> = [];
      claiming: for (const site of standing) {
        for (const verdict of site.rules) {
          if (signal?.aborted) break claiming;
          // The inspection alerts these once per finding, when it finds one (raiseFindings).
          if (isFindingRule(verdict.rule)) continue;
          const { moved, from } = await claim(
            `${site.site.documentId}:${verdict.rule}`,
            site.site.documentId,
            verdict.rule,
            verdict.status,
            now
          );
          if (moved && SEVERITY[verdict.status] > SEVERITY[from]) raised.push({ site, verdict });
        }
      }
      if (raised.length === 0) return [];

      const leaders = await siteLeaders(strapi, [
        ...new Set(raised.map((r) => r.site.site.documentId)),
      ]);
      const admins = await provincialAdmins();
      const emails = emailsOn(strapi);
      const rows: AlertRow[] = [];
      for (const { site, verdict } of raised) {
        const told = [...(leaders.get(site.site.documentId) ?? []), ...admins];
        rows.push(
          (await strapi.db.query(OVERSIGHT_ALERT).create({
            data: {
              siteDocumentId: site.site.documentId,
              siteCode: site.site.code,
              siteName: site.site.name,
              rule: verdict.rule,
              status: verdict.status,
              value: verdict.value,
              threshold: verdict.threshold,
              daysLeft: verdict.daysLeft,
              raisedAt: now,
              notified: [...new Set(told.map(personName))],
              emailed: emails,
            },
          })) as AlertRow
        );
      }

      if (emails) {
        // One message per person and run: a site's leaders hear of their site, the province of every site.
        const line = (row: AlertRow) =>
          `· ${row.siteName}：${RULE_NAMES[row.rule]}，${describeVerdict(row)}`;
        for (const [siteDocumentId, people] of leaders) {
          const mine = rows.filter((row) => row.siteDocumentId === siteDocumentId);
          for (const person of people)
            await mail(
              person,
              `【站群监测预警】${mine[0].siteName}有 ${mine.length} 项指标需要处理`,
              mine.map(line)
            );
        }
        const tripped = rows.filter((row) => row.status === 'tripped').length;
        for (const admin of admins) {
          await mail(
            admin,
            `【站群监测预警】${config().groupName}：${tripped} 项否决、${rows.length - tripped} 项预警`,
            rows.map(line)
          );
        }
      }
      await getService(strapi, 'audit').record('oversight.alert', {
        subject: 'oversight',
        summary: `发出站群监测预警 ${rows.length} 项，涉及 ${new Set(rows.map((r) => r.siteCode)).size} 个站点`,
        details: { alerts: rows.map((r) => r.id) },
        actor: 'system',
      });
      return rows.map(toAlert);
    },

    /**
     * 内容巡检预警: the serious faults the inspection has just found, alerted at once to the
     * site's leaders and the provincial admins, by the daily alerts' channels (this list, e-mail,
     * the audit log). Each finding is alerted once, when it is first found (the inspection
     * passes only those it has just created). A word added to the list can be found in
     * thousands of articles at once, so a run raises one alert per site and rule (`run`: its
     * key), naming the first finding and counting the others as they are found. `mailed` (one
     * per run) holds the sites, and `province`, already e-mailed by this run: they are not
     * e-mailed again.
     */
    async raiseFindings(
      found: NewSeriousFinding[],
      { now = new Date(), mailed, run }: { now?: Date; mailed?: Set<string>; run?: string } = {}
    ): Promise<OversightAlert[]> {
      if (found.length === 0) return [];
      const leaders = await siteLeaders(strapi, [...new Set(found.map((f) => f.site.documentId))]);
      const admins = await provincialAdmins();
      const emails = emailsOn(strapi);
      const alerts = strapi.db.query(OVERSIGHT_ALERT);
      const groups = new Map<string, NewSeriousFinding[]>();
      for (const finding of found) {
        const key = `${run ?? `finding:${found[0].id}`}:${finding.site.documentId}:${finding.rule}`;
        (groups.get(key) ?? groups.set(key, []).get(key)!).push(finding);
      }
      const raised: AlertRow[] = [];
      const rows: AlertRow[] = [];
      for (const [groupKey, [first, ...others]] of groups) {
        const existing = (await alerts.findOne({ where: { groupKey } })) as AlertRow | null;
        if (existing) {
          rows.push(
            (await alerts.update({
              where: { id: existing.id },
              data: { value: (existing.value ?? 1) + others.length + 1 },
            })) as AlertRow
          );
          continue;
        }
        const told = [...(leaders.get(first.site.documentId) ?? []), ...admins];
        const created = (await alerts.create({
          data: {
            siteDocumentId: first.site.documentId,
            siteCode: first.site.code,
            siteName: first.site.name,
            rule: first.rule,
            status: 'tripped',
            value: others.length + 1,
            threshold: 1,
            daysLeft: null,
            findingId: first.id,
            detail: first.detail.slice(0, 500),
            groupKey,
            raisedAt: now,
            notified: [...new Set(told.map(personName))],
            emailed: emails,
          },
        })) as AlertRow;
        raised.push(created);
        rows.push(created);
      }
      if (emails) {
        // A message names at most a few, and each site's leaders and the province get one per run.
        const lines = (mine: NewSeriousFinding[]) => [
          ...mine
            .slice(0, MAILED_FINDINGS)
            .map((f) => `· ${f.site.name}：${RULE_NAMES[f.rule]}，${f.detail}`),
          ...(mine.length > MAILED_FINDINGS ? [`……共 ${mine.length} 处`] : []),
          '',
          '请立即核实，修改或撤下相关信息；确属误报的，在“内容巡检”中标记误报并说明理由。本次巡检中此后发现的问题不再另发邮件，请在“内容巡检”中查看全部结果。',
        ];
        const once = (key: string) => {
          if (mailed?.has(key)) return false;
          mailed?.add(key);
          return true;
        };
        for (const [siteDocumentId, people] of leaders) {
          const mine = found.filter((f) => f.site.documentId === siteDocumentId);
          if (mine.length === 0 || !once(siteDocumentId)) continue;
          for (const person of people)
            await mail(
              person,
              `【内容巡检预警】${mine[0].site.name}发现 ${mine.length} 处严重问题`,
              lines(mine),
              INSPECTION_PAGE
            );
        }
        if (once('province'))
          for (const admin of admins)
            await mail(
              admin,
              `【内容巡检预警】${config().groupName}：${found.length} 处严重问题`,
              lines(found),
              INSPECTION_PAGE
            );
      }
      // The log names each alert when it is raised; findings joining it later are in its count.
      if (raised.length > 0)
        await getService(strapi, 'audit').record('oversight.alert', {
          subject: 'inspection',
          summary: `发出内容巡检预警 ${raised.length} 项，涉及 ${new Set(raised.map((r) => r.siteCode)).size} 个站点`,
          details: { alerts: raised.map((r) => r.id), findings: found.map((f) => f.id) },
          actor: 'system',
        });
      return rows.map(toAlert);
    },

    /** The alerts raised, newest first, of one site or all (the controller puts `pagination` in `meta`). */
    async list({
      site,
      page = 1,
      pageSize = 20,
    }: SitePageRequest): Promise<Pick<OversightAlertPage, 'data'> & OversightAlertPage['meta']> {
      const where = site ? { siteDocumentId: site } : {};
      const { rows, pagination } = await findPage<AlertRow>(
        strapi,
        OVERSIGHT_ALERT,
        { where, orderBy: [{ raisedAt: 'desc' }, { id: 'desc' }] },
        { page, pageSize }
      );
      return { data: rows.map(toAlert), pagination };
    },

    /**
     * How many open sites the last daily run found failing (否决) and near failing (预警), by each
     * site's worst rule: one grouped query over the statuses it keeps per site and rule, rather
     * than judging every site again. No figures before the first run.
     */
    async standingCounts(): Promise<SiteStanding> {
      const checkedAt = await lastFinishedAt(strapi, OVERSIGHT_JOB);
      if (!checkedAt) return { tripped: 0, warning: 0, checkedAt: null };
      const knex = strapi.db.connection;
      const state = dbNames(strapi, OVERSIGHT_RULE_STATE);
      const site = dbNames(strapi, SITE);
      const status = `r.${state.column('status')}`;
      const siteDocumentId = `r.${state.column('siteDocumentId')}`;
      const worstBySite = knex(`${state.table} as r`)
        .join(`${site.table} as s`, 's.document_id', siteDocumentId)
        .where(`s.${site.column('active')}`, true)
        .select(
          knex.raw(
            "max(case when ?? = 'tripped' then 2 when ?? = 'warning' then 1 else 0 end) as worst",
            [status, status]
          )
        )
        .groupBy(siteDocumentId)
        .as('w');
      const row = (await knex
        .from(worstBySite)
        .select(
          knex.raw(
            'sum(case when worst = 2 then 1 else 0 end) as tripped, sum(case when worst = 1 then 1 else 0 end) as warning'
          )
        )
        .first()) as
        { tripped: number | string | null; warning: number | string | null } | undefined;
      return {
        tripped: Number(row?.tripped ?? 0),
        warning: Number(row?.warning ?? 0),
        checkedAt: checkedAt.toISOString(),
      };
    },

    /** The daily run, on one instance of several. */
    async runDaily() {
      return runWithLease(
        strapi,
        OVERSIGHT_JOB,
        60 * 60 * 1000,
        async (signal) => `raised ${(await service.raise(new Date(), { signal })).length} alert(s)`
      );
    },
  };
  return service;
};

export default alertsService;
