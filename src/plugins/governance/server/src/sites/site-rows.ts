import type { Core } from '@strapi/strapi';
import type { SiteLevel } from '../../../shared/contracts/overview';
import { dbNames } from '../utils/db-names';
import { SITE } from '../uids';

/**
 * A site's columns (api::site) as the plugin reads them: the site tree (service.ts), 信息报送
 * (submissions/service.ts), the listing below. Each query adds the relations it populates.
 */
export interface SiteRow {
  id: number;
  documentId: string;
  code: string;
  name: string;
  level: SiteLevel;
  sortOrder: number;
  active: boolean;
  responsiblePerson: string | null;
}

/** A site as `siteRows` lists it: its columns for the figures, and its city's name. */
export type ListedSite = Pick<
  SiteRow,
  'id' | 'documentId' | 'code' | 'name' | 'level' | 'sortOrder' | 'active'
> & {
  /** A county's city, by name. */
  parentName: string | null;
};

/**
 * Every site with its parent's name, in one query, ordered by sortOrder then code: for the
 * figures that list all sites (rankings, oversight). Deleted sites are gone.
 */
export const siteRows = async (strapi: Core.Strapi): Promise<ListedSite[]> => {
  const site = dbNames(strapi, SITE);
  const parent = site.joinTable('parent');
  const rows = (await strapi.db
    .connection(`${site.table} as s`)
    .leftJoin(`${parent.table} as pl`, `pl.${parent.ownerColumn}`, 's.id')
    .leftJoin(`${site.table} as p`, 'p.id', `pl.${parent.targetColumn}`)
    .select({
      id: 's.id',
      documentId: 's.document_id',
      code: `s.${site.column('code')}`,
      name: `s.${site.column('name')}`,
      level: `s.${site.column('level')}`,
      sortOrder: `s.${site.column('sortOrder')}`,
      active: `s.${site.column('active')}`,
      parentName: `p.${site.column('name')}`,
    })
    .orderBy([`s.${site.column('sortOrder')}`, `s.${site.column('code')}`])) as Array<
    Omit<ListedSite, 'active'> & { active: boolean | number | null }
  >;
  return rows.map((row) => ({
    ...row,
    id: Number(row.id),
    sortOrder: Number(row.sortOrder ?? 0),
    // SQLite answers booleans as 0 and 1.
    active: Boolean(row.active),
    parentName: row.parentName ?? null,
  }));
};
