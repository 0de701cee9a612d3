/**
 * The sites and staff a test works with, set up as its `beforeAll` needs them: sites through the
 * document service, in the order given (a parent before its children); people as admins with
 * their roles, logged in through the real /admin/login route (`createAdmin`); and memberships
 * through the plugin's own sites service, as the province adds them.
 */
import type { SiteLevel } from '../../src/plugins/governance/shared/contracts/overview';
import type { Capacity } from '../../src/plugins/governance/shared/contracts/sites';
import { createAdmin, type TestAdmin, type TestApp } from './strapi';

const SITE = 'api::site.site';

export interface SiteSpec<Handle extends string = string> {
  /** The site's code; its handle (its key in the specs) unless given. */
  code?: string;
  name: string;
  level: SiteLevel;
  /** The handle of a site listed before this one. */
  parent?: Handle;
  active?: boolean;
  sortOrder?: number;
  responsiblePerson?: string;
  responsiblePhone?: string;
  /** 网址, and the other domains whose pages count its visits (one a line). */
  url?: string;
  visitDomains?: string;
  /** The site's columns (栏目), set up as the province sets them (`setColumns`). */
  columns?: string[];
}

const SITE_COLUMN = 'plugin::governance.site-column';

/**
 * Sets up a site's columns (栏目), in order, each of the kind the configuration gives its name
 * (news otherwise): the only columns its articles may be filed under.
 */
export const setColumns = async (app: TestApp, siteDocumentId: string, names: string[]) => {
  const { columnKinds } = (
    app.strapi.config.get('plugin::governance') as {
      oversight: { columnKinds: Record<string, string> };
    }
  ).oversight;
  for (const [sortOrder, name] of names.entries())
    await app.strapi.db.query(SITE_COLUMN).create({
      data: { siteDocumentId, name, kind: columnKinds[name] ?? 'news', sortOrder },
    });
};

/** A record's entries in their order, keyed as the record is (`Object.entries` widens the keys). */
const entriesOf = <Key extends string, Value>(record: Partial<Record<Key, Value>>) =>
  Object.entries(record) as Array<[Key, Value]>;

/**
 * Creates the sites in the order given; answers their document ids (`sites`) and ids (`siteIds`),
 * each under its handle.
 */
export const createSites = async <Handle extends string>(
  app: TestApp,
  specs: Record<Handle, SiteSpec<NoInfer<Handle>>>
) => {
  const sites = {} as Record<Handle, string>;
  const siteIds = {} as Record<Handle, number>;
  for (const [handle, { code = handle, parent, columns, ...data }] of entriesOf(specs)) {
    const site = await app.strapi.documents(SITE).create({
      data: { code, ...data, ...(parent ? { parent: sites[parent] } : {}) },
    });
    sites[handle] = site.documentId;
    siteIds[handle] = Number(site.id);
    if (columns) await setColumns(app, site.documentId, columns);
  }
  return { sites, siteIds };
};

/** Makes `admin` a member of the site in `capacity`, through the plugin's sites service. */
export const addMember = (
  app: TestApp,
  admin: TestAdmin,
  siteDocumentId: string,
  capacity: Capacity
) =>
  app.strapi
    .plugin('governance')
    .service('sites')
    .addMember({ userId: admin.id, siteDocumentId, capacity }, { actor: 'system' });

/**
 * A person: the admin role's code (or several: a small site's staff often hold more than one),
 * the first name the pages and the 操作日志 show, and the sites (by handle) they are a member of,
 * in which capacity or capacities.
 */
export type StaffSpec<Handle extends string = string> = [
  role: string | string[],
  name: string,
  sites?: Partial<Record<Handle, Capacity | Capacity[]>>,
];

/**
 * Creates the people, logged in, in the order given, then each person's memberships of `sites`
 * (document ids by handle) in the same order; answers the people under their handles.
 */
export const createStaff = async <Site extends string, Person extends string>(
  app: TestApp,
  sites: Record<Site, string>,
  specs: Record<Person, StaffSpec<NoInfer<Site>>>
) => {
  const staff = {} as Record<Person, TestAdmin>;
  const people = entriesOf(specs);
  for (const [handle, [role, name]] of people) staff[handle] = await createAdmin(app, role, name);
  for (const [handle, [, , memberships = {}]] of people) {
    for (const [site, capacities] of entriesOf(memberships)) {
      for (const capacity of [capacities].flat())
        await addMember(app, staff[handle], sites[site], capacity);
    }
  }
  return staff;
};

/**
 * The sites (`createSites`), then the staff (`createStaff`); answers the sites' document ids and
 * ids and the people, each under its handle.
 */
export const createSitesAndStaff = async <Site extends string, Person extends string>(
  app: TestApp,
  specs: {
    sites: Record<Site, SiteSpec<NoInfer<Site>>>;
    staff: Record<Person, StaffSpec<NoInfer<Site>>>;
  }
) => {
  const { sites, siteIds } = await createSites(app, specs.sites);
  return { sites, siteIds, staff: await createStaff(app, sites, specs.staff) };
};
