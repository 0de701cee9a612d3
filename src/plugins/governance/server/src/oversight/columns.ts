import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ArticleColumns, ColumnKind } from '../../../shared/contracts/oversight';
import { siteScope } from '../sites/scope';
import type { AdminUser } from '../utils/document-middleware';
import { ARTICLE, SITE, SITE_COLUMN } from '../uids';
import { COLUMN_ERRORS as ERRORS } from './messages';

interface SiteRow {
  id: number;
  documentId: string;
  name: string;
}

/** Where the edit view asks from: the site it has chosen, else the article's saved site. */
export interface ColumnsQuery {
  site?: string;
  article?: string;
}

/**
 * The columns (栏目) each site has set up, which 站群监测 judges (site-facts.ts): the only ones
 * an article may be filed under. A column typed by hand ("工做动态") would count for no column,
 * and leave the real one looking idle or empty to the inspection rules.
 */
const siteColumnsService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The columns offered for articles: a retired one (栏目管理) is kept for history only. */
  const columnsOf = async (siteDocumentId: string) =>
    (await strapi.db.query(SITE_COLUMN).findMany({
      where: { siteDocumentId, retiredAt: null },
      select: ['name', 'kind'],
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    })) as Array<{ name: string; kind: ColumnKind }>;

  const siteBy = (where: { documentId: string } | { id: number }) =>
    strapi.db
      .query(SITE)
      .findOne({ where, select: ['id', 'documentId', 'name'] }) as Promise<SiteRow | null>;

  /** A field error the Content Manager shows under the 栏目 input; a 400 on every path. */
  const refuse = (message: string, column: string) =>
    new errors.ValidationError(message, {
      errors: [{ path: ['column'], message, name: 'ValidationError', value: column }],
    });

  /** The site the edit view's 栏目 list belongs to, among the sites the user may write for. */
  const siteForEditor = async (user: AdminUser, query: ColumnsQuery): Promise<SiteRow | null> => {
    const scope = await siteScope(strapi, user);
    const allowed = (site: SiteRow | null) =>
      site !== null && (scope.all || scope.siteIds.includes(site.id));
    if (query.site) {
      const site = await siteBy({ documentId: query.site });
      if (!allowed(site)) throw new errors.NotFoundError(ERRORS.noSuchSite);
      return site;
    }
    if (query.article) {
      const draft = (await strapi.db.query(ARTICLE).findOne({
        where: { documentId: query.article, publishedAt: null },
        select: ['id'],
        populate: { site: { select: ['id', 'documentId', 'name'] } },
      })) as { site: SiteRow | null } | null;
      if (!draft || (draft.site !== null && !allowed(draft.site)))
        throw new errors.NotFoundError(ERRORS.noSuchArticle);
      if (draft.site) return draft.site;
    }
    // A new article of an editor with one site goes to that site (sites/isolation-middleware.ts).
    return !scope.all && scope.siteIds.length === 1 ? siteBy({ id: scope.siteIds[0] }) : null;
  };

  return {
    /** What the edit view's 栏目 list offers: the columns of the article's site. */
    async forEditor(user: AdminUser, query: ColumnsQuery): Promise<ArticleColumns> {
      const site = await siteForEditor(user, query);
      if (!site) return { site: null, columns: [] };
      return {
        site: { documentId: site.documentId, name: site.name },
        columns: await columnsOf(site.documentId),
      };
    },

    /**
     * The rule, after every write of an article's draft: its column is empty or one its site
     * has set up. Called inside the write's transaction, so a refusal undoes the write.
     */
    async assertArticleColumn(documentId: string) {
      const draft = (await strapi.db.query(ARTICLE).findOne({
        where: { documentId, publishedAt: null },
        select: ['column'],
        populate: { site: { select: ['documentId', 'name'] } },
      })) as { column: string | null; site: SiteRow | null } | null;
      const column = draft?.column;
      if (!draft || !column) return;
      if (!draft.site) throw refuse(ERRORS.columnWithoutSite, column);
      const names = (await columnsOf(draft.site.documentId)).map((c) => c.name);
      if (names.includes(column)) return;
      // An article published under a column since retired or renamed keeps it when edited; a
      // new one, or one moved to it, cannot be filed there.
      const published = (await strapi.db.query(ARTICLE).findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        select: ['column'],
      })) as { column: string | null } | null;
      if (published?.column !== column)
        throw refuse(ERRORS.notAColumnOf(column, draft.site.name, names), column);
    },

    /**
     * The column an article copied to another site keeps (信息报送 adoption, the inspection
     * notice): its own when the receiving site has it, otherwise none, for its editor to choose.
     */
    async keptOn(siteDocumentId: string, column: string | null | undefined) {
      if (!column) return null;
      return (await columnsOf(siteDocumentId)).some((c) => c.name === column) ? column : null;
    },
  };
};

export default siteColumnsService;
