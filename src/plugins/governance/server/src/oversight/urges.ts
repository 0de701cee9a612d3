import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import type { OversightUrge } from '../../../shared/contracts/oversight';
import type { GovernanceConfig } from '../config';
import { siteLeaders } from '../sites/scope';
import { OVERSIGHT_URGE, SITE } from '../uids';
import type { AdminUser } from '../utils/document-middleware';
import { emailsOn, sendEmail } from '../utils/email';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { ERRORS } from './messages';
import { RULE_NAMES, describeVerdict } from './wording';

interface UrgeRow {
  id: number;
  note: string | null;
  urgedBy: string;
  urgedAt: string;
  notified: string[] | null;
  emailed: boolean;
}

const toUrge = (row: UrgeRow): OversightUrge => ({
  id: row.id,
  note: row.note,
  urgedBy: row.urgedBy,
  urgedAt: new Date(row.urgedAt).toISOString(),
  notified: row.notified ?? [],
  emailed: Boolean(row.emailed),
});

/**
 * 催办: the province urges a site to act on what monitoring found. The site's leaders
 * (第一责任人) are told by e-mail (when the plugin sends e-mail) with the site's findings; the
 * urge is kept (shown on the site's monitoring page: who, when, who was told) and written to the
 * audit log. A site is urged at most once per local day: the day is part of a unique key, so two
 * provincial admins clicking at once record one urge and the second hears who was first.
 */
const urgesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;

  return {
    async list(siteDocumentId: string): Promise<OversightUrge[]> {
      const rows = (await strapi.db.query(OVERSIGHT_URGE).findMany({
        where: { siteDocumentId },
        orderBy: { urgedAt: 'desc' },
        limit: 20,
      })) as UrgeRow[];
      return rows.map(toUrge);
    },

    async urge(
      siteDocumentId: string,
      note: string | null,
      user: AdminUser,
      now = new Date()
    ): Promise<OversightUrge> {
      const site = (await strapi.db.query(SITE).findOne({
        where: { documentId: siteDocumentId, active: true },
        select: ['documentId', 'name'],
      })) as { documentId: string; name: string } | null;
      if (!site) throw new errors.NotFoundError(ERRORS.noSuchSite(siteDocumentId));
      const day = DateTime.fromJSDate(now).setZone(config().timezone).toISODate();
      const key = `${siteDocumentId}:${day}`;
      const leaders = (await siteLeaders(strapi, [siteDocumentId])).get(siteDocumentId) ?? [];
      const urgedBy = personName(user);
      const urges = strapi.db.query(OVERSIGHT_URGE);
      let row: UrgeRow;
      try {
        row = (await urges.create({
          data: {
            key,
            siteDocumentId,
            siteName: site.name,
            note,
            urgedById: user.id,
            urgedBy,
            urgedAt: now,
            notified: [...new Set(leaders.map(personName))],
            emailed: false,
          },
        })) as UrgeRow;
      } catch (error) {
        const first = (await urges.findOne({ where: { key }, select: ['urgedBy'] })) as {
          urgedBy: string;
        } | null;
        if (first) throw new errors.RateLimitError(ERRORS.urgedToday(first.urgedBy));
        throw error;
      }
      await getService(strapi, 'audit').record('oversight.urge', {
        summary: `催办${site.name}${note ? `：${note}` : ''}${leaders.length > 0 ? `（已通知${row.notified?.join('、')}）` : '（该站点未设负责人，无人可通知）'}`,
        subject: site.name,
        details: { siteDocumentId, note, notified: row.notified },
        actor: user,
      });

      if (emailsOn(strapi) && leaders.length > 0) {
        const standing = await getService(strapi, 'oversight').detail(siteDocumentId, now);
        const findings = (standing?.rules ?? [])
          .filter((r) => r.status !== 'ok')
          .map((r) => `· ${RULE_NAMES[r.rule]}：${describeVerdict(r)}`);
        const sent = await Promise.all(
          leaders.map((leader) =>
            sendEmail(
              strapi,
              leader.email,
              `【催办】${site.name}监测问题请尽快处理`,
              [
                `${personName(leader)}：`,
                '',
                `${urgedBy}于${DateTime.fromJSDate(now).setZone(config().timezone).toFormat('yyyy年M月d日 HH:mm')}催办${site.name}：`,
                ...(note ? [note] : []),
                ...(findings.length > 0 ? ['', '当前问题：', ...findings] : []),
                '',
                '请登录后台“站群管理 → 站群监测”查看依据并及时整改。',
              ].join('\n')
            )
          )
        );
        if (sent.some(Boolean)) {
          await urges.update({ where: { id: row.id }, data: { emailed: true } });
          row = { ...row, emailed: true };
        }
      }
      return toUrge(row);
    },
  };
};

export default urgesService;
