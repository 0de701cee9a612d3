import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ensureRoles } from './roles';
import { MEMBERSHIP } from './scope';

export const CAPACITIES = ['leader', 'editor', 'reviewer', 'approver', 'handler'] as const;
export type Capacity = (typeof CAPACITIES)[number];

/** Site memberships: who works for which site in which capacity. */
const sitesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Creates the group's roles that do not exist yet (see roles.ts). */
  ensureRoles: () => ensureRoles(strapi),

  /** Adds a membership unless it exists; answers the membership either way. */
  async addMember({ userId, siteDocumentId, capacity }: { userId: number; siteDocumentId: string; capacity: Capacity }) {
    const site = await strapi.db.query('api::site.site').findOne({ where: { documentId: siteDocumentId }, select: ['id', 'name'] });
    if (!site) throw new errors.NotFoundError(`站点 ${siteDocumentId} 不存在 (no such site)`);
    const user = await strapi.db.query('admin::user').findOne({ where: { id: userId }, select: ['id'] });
    if (!user) throw new errors.NotFoundError(`用户 ${userId} 不存在 (no such admin user)`);
    const where = { user: { id: userId }, site: { id: site.id }, capacity };
    const existing = await strapi.db.query(MEMBERSHIP).findOne({ where });
    if (existing) return existing;
    return strapi.db.query(MEMBERSHIP).create({ data: { user: userId, site: site.id, capacity } });
  },
});

export default sitesService;
