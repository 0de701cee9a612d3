import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ERRORS } from './messages';
import { ensureRoles } from './roles';
import { type SiteScope } from './scope';
import type { SiteRow } from './site-rows';

const EVERY_SITE: SiteScope = { all: true };

import {
  CAPACITIES,
  CAPACITY_NAMES,
  type Capacity,
  type SiteNode,
  type UserOption,
} from '../../../shared/contracts/sites';
import type { WorkbenchProfile } from '../../../shared/contracts/workbench';
import type { AuditActor } from '../audit/sentence';
import type { AccountRow } from '../passwords/accounts';

import { forbidden } from '../utils/forbidden';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { ADMIN_USER, SITE, SITE_MEMBERSHIP } from '../uids';

/** Capacities by name, for a stored membership whose capacity the database types as a string. */
const capacityNames: Record<string, string> = CAPACITY_NAMES;

/** A site of the tree, with its parent. */
type TreeSite = SiteRow & { parent?: { id: number } | null };

/** A site member's account, as the tree and the user search show it. */
type MemberAccount = Pick<AccountRow, 'id' | 'firstname' | 'lastname' | 'email' | 'isActive'>;

const LEVEL_ORDER = { portal: 0, department: 1, city: 2, county: 3 } as const;

/** Site memberships: who works for which site in which capacity. */
const sitesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Creates the group's roles that do not exist yet (see roles.ts). */
  ensureRoles: () => ensureRoles(strapi),

  /**
   * The site tree within a scope: portal, department units, then cities with their counties,
   * each site with its members. A site outside the scope is left out; a county whose city is
   * outside it is shown at the top level.
   */
  async tree(scope: SiteScope): Promise<SiteNode[]> {
    const sites = (await strapi.db.query(SITE).findMany({
      where: scope.all ? {} : { id: { $in: scope.siteIds } },
      select: [
        'id',
        'documentId',
        'code',
        'name',
        'level',
        'active',
        'sortOrder',
        'responsiblePerson',
      ],
      populate: { parent: { select: ['id'] } },
    })) as TreeSite[];
    const memberships = (await strapi.db.query(SITE_MEMBERSHIP).findMany({
      where: { site: { id: { $in: sites.map((s) => s.id) } } },
      populate: {
        site: { select: ['id'] },
        user: { select: ['id', 'firstname', 'lastname', 'email', 'isActive'] },
      },
    })) as Array<{
      id: number;
      capacity: Capacity;
      site: { id: number } | null;
      user: MemberAccount | null;
    }>;

    const nodes = new Map<number, SiteNode>();
    for (const site of sites) {
      nodes.set(site.id, {
        documentId: site.documentId,
        code: site.code,
        name: site.name,
        level: site.level,
        active: site.active,
        responsiblePerson: site.responsiblePerson,
        members: [],
        children: [],
      });
    }
    for (const m of memberships) {
      if (!m.site || !m.user) continue;
      nodes.get(m.site.id)?.members.push({
        membershipId: m.id,
        userId: m.user.id,
        name: personName(m.user),
        email: m.user.email,
        capacity: m.capacity,
        active: m.user.isActive,
      });
    }
    const ordered = [...sites].sort(
      (a, b) =>
        LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
        a.sortOrder - b.sortOrder ||
        a.code.localeCompare(b.code)
    );
    const roots: SiteNode[] = [];
    for (const site of ordered) {
      const node = nodes.get(site.id)!;
      node.members.sort(
        (a, b) =>
          CAPACITIES.indexOf(a.capacity) - CAPACITIES.indexOf(b.capacity) ||
          a.name.localeCompare(b.name, 'zh')
      );
      const parent = site.parent ? nodes.get(site.parent.id) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  },

  /** The sites a user works for and in which capacity, in the tree's order (one query). */
  async sitesOf(userId: number): Promise<WorkbenchProfile['sites']> {
    const memberships = (await strapi.db.query(SITE_MEMBERSHIP).findMany({
      where: { user: { id: userId } },
      populate: { site: { select: ['code', 'name', 'level', 'sortOrder'] } },
    })) as Array<{
      capacity: Capacity;
      site: Pick<SiteRow, 'code' | 'name' | 'level' | 'sortOrder'> | null;
    }>;
    return memberships
      .flatMap(({ capacity, site }) => (site ? [{ capacity, site }] : []))
      .sort(
        (a, b) =>
          LEVEL_ORDER[a.site.level] - LEVEL_ORDER[b.site.level] ||
          a.site.sortOrder - b.site.sortOrder ||
          a.site.code.localeCompare(b.site.code) ||
          CAPACITIES.indexOf(a.capacity) - CAPACITIES.indexOf(b.capacity)
      )
      .map(({ capacity, site }) => ({ code: site.code, name: site.name, capacity }));
  },

  /** Admin users matching a name or e-mail fragment, to add to a site. */
  async findUsers(query: string): Promise<UserOption[]> {
    const like = { $containsi: query };
    const users = (await strapi.db.query(ADMIN_USER).findMany({
      where: query ? { $or: [{ firstname: like }, { lastname: like }, { email: like }] } : {},
      select: ['id', 'firstname', 'lastname', 'email', 'isActive'],
      orderBy: { email: 'asc' },
      limit: 20,
    })) as MemberAccount[];
    return users.map((u) => ({
      id: u.id,
      name: personName(u),
      email: u.email,
      active: u.isActive,
    }));
  },

  /**
   * Adds a membership unless it exists; answers the membership either way. `scope` is the
   * caller's: nobody adds people to a site outside it. `actor` is who adds them, for the log.
   */
  async addMember(
    {
      userId,
      siteDocumentId,
      capacity,
    }: { userId: number; siteDocumentId: string; capacity: Capacity },
    { actor, scope = EVERY_SITE }: { actor: AuditActor; scope?: SiteScope }
  ) {
    const site = await strapi.db
      .query(SITE)
      .findOne({ where: { documentId: siteDocumentId }, select: ['id', 'name'] });
    if (!site) throw new errors.NotFoundError(ERRORS.noSuchSite(siteDocumentId));
    if (!scope.all && !scope.siteIds.includes(site.id)) throw forbidden(ERRORS.notYourSite);
    const user = await strapi.db
      .query(ADMIN_USER)
      .findOne({ where: { id: userId }, select: ['id', 'firstname', 'lastname', 'email'] });
    if (!user) throw new errors.NotFoundError(ERRORS.noSuchUser(userId));
    const where = { user: { id: userId }, site: { id: site.id }, capacity };
    const existing = await strapi.db.query(SITE_MEMBERSHIP).findOne({ where });
    if (existing) return existing;
    const membership = await strapi.db
      .query(SITE_MEMBERSHIP)
      .create({ data: { user: userId, site: site.id, capacity } });
    await getService(strapi, 'audit').record('membership.add', {
      subject: `user ${userId}`,
      summary: `将${personName(user)}添加为${site.name}的${CAPACITY_NAMES[capacity]}`,
      details: { userId, site: site.id, capacity },
      actor,
    });
    return membership;
  },

  async removeMember(
    membershipId: number,
    { actor, scope = EVERY_SITE }: { actor: AuditActor; scope?: SiteScope }
  ) {
    const existing = await strapi.db.query(SITE_MEMBERSHIP).findOne({
      where: { id: membershipId },
      populate: {
        site: { select: ['id', 'name'] },
        user: { select: ['id', 'firstname', 'lastname', 'email'] },
      },
    });
    if (!existing) throw new errors.NotFoundError(ERRORS.noSuchMembership(membershipId));
    if (!scope.all && !scope.siteIds.includes(existing.site?.id))
      throw forbidden(ERRORS.notYourSite);
    await strapi.db.query(SITE_MEMBERSHIP).delete({ where: { id: membershipId } });
    await getService(strapi, 'audit').record('membership.remove', {
      subject: `user ${existing.user?.id ?? '?'}`,
      summary: `将${personName(existing.user)}移出${existing.site?.name ?? '已删除的站点'}（原为${capacityNames[existing.capacity] ?? '成员'}）`,
      details: {
        userId: existing.user?.id ?? null,
        site: existing.site?.id ?? null,
        capacity: existing.capacity,
      },
      actor,
    });
  },
});

export default sitesService;
