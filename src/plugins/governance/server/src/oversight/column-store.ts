import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  ColumnChangeAction,
  ColumnManager,
  ColumnSettings,
} from '../../../shared/contracts/columns';
import { REPORT_CATEGORY_BY_KIND } from '../../../shared/contracts/columns';
import { memberSiteDocumentIds } from '../sites/scope';
import type { AdminUser } from '../utils/document-middleware';
import { SITE, SITE_COLUMN } from '../uids';
import type { ColumnRecord, SiteRecord } from './column-records';
import { COLUMN_MANAGEMENT_ERRORS as ERRORS } from './messages';

/** 栏目管理's reads of sites and columns, each refusing what the caller may not reach, and its one write to the columns. */
export const columnStore = (strapi: Core.Strapi) => {
  const siteOf = async (documentId: string) =>
    (await strapi.db.query(SITE).findOne({
      where: { documentId },
      select: ['id', 'documentId', 'name', 'code'],
    })) as SiteRecord | null;

  /** The site, if the user manages it as `as`: a leader reaches only the sites they lead (else 404). */
  const siteFor = async (user: AdminUser, as: ColumnManager, documentId: string) => {
    const site = await siteOf(documentId);
    if (!site) throw new errors.NotFoundError(ERRORS.noSuchSite);
    if (
      as === 'leader' &&
      !(await memberSiteDocumentIds(strapi, user.id, ['leader'])).has(documentId)
    )
      throw new errors.NotFoundError(ERRORS.noSuchSite);
    return site;
  };

  const columnsOf = async (siteDocumentId: string) =>
    (await strapi.db.query(SITE_COLUMN).findMany({
      where: { siteDocumentId },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    })) as ColumnRecord[];

  /** The column a change names, on the site, still in use. */
  const columnFor = async (site: SiteRecord, id: number | undefined) => {
    const column = (await strapi.db
      .query(SITE_COLUMN)
      .findOne({ where: { id, siteDocumentId: site.documentId } })) as ColumnRecord | null;
    if (!column) throw new errors.NotFoundError(ERRORS.noSuchColumn);
    if (column.retiredAt) throw new errors.ApplicationError(ERRORS.retired);
    return column;
  };

  /** A name no other column of the site has or had (a former name still counts its articles). */
  const assertNameFree = async (site: SiteRecord, name: string, except?: number) => {
    const taken = (await columnsOf(site.documentId)).some(
      (c) => c.id !== except && (c.name === name || (c.formerNames ?? []).includes(name))
    );
    if (taken) throw new errors.ValidationError(ERRORS.nameTaken(name));
  };

  /** Makes the change to the columns (inside the caller's transaction); answers the column's id. */
  const apply = async (
    site: SiteRecord,
    action: ColumnChangeAction,
    column: ColumnRecord | null,
    proposal: Partial<ColumnSettings>,
    now: Date
  ) => {
    if (action === 'add') {
      await assertNameFree(site, proposal.name!);
      const created = await strapi.db.query(SITE_COLUMN).create({
        data: {
          siteDocumentId: site.documentId,
          name: proposal.name,
          kind: proposal.kind,
          staleAfterDays: proposal.staleAfterDays ?? null,
          sortOrder: proposal.sortOrder ?? 0,
          reportCategory: proposal.reportCategory ?? REPORT_CATEGORY_BY_KIND[proposal.kind!],
        },
      });
      return Number(created.id);
    }
    if (action === 'retire') {
      await strapi.db
        .query(SITE_COLUMN)
        .update({ where: { id: column!.id }, data: { retiredAt: now } });
      return column!.id;
    }
    const data: Record<string, unknown> = { ...proposal };
    if (proposal.name !== undefined && proposal.name !== column!.name) {
      await assertNameFree(site, proposal.name, column!.id);
      // The old name stays the column's: its articles filed under it still count for it.
      data.formerNames = [...new Set([...(column!.formerNames ?? []), column!.name])];
    }
    await strapi.db.query(SITE_COLUMN).update({ where: { id: column!.id }, data });
    return column!.id;
  };

  return { siteOf, siteFor, columnsOf, columnFor, assertNameFree, apply };
};
