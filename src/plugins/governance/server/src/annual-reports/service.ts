import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GovernanceConfig } from '../config';
import type { SiteScope } from '../sites/scope';
import { localYearOf } from '../time/local-year';
import { SITE } from '../uids';
import {
  annualFigures,
  SITE_IDENTITY_FIELDS,
  type PublishingFigure,
  type ReportSite,
} from './figures';
import { ANNUAL_REPORT_ERRORS as ERRORS } from './messages';

/**
 * 政府网站工作年度报表 (国办函〔2018〕12号): each site's form for a past local year, filled from
 * what the CMS knows (figures.ts). The province reads every site's; a member their own sites'.
 */
const annualReportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const figures = annualFigures(strapi);

  /** The form's site among the caller's sites, for a year that has begun. */
  const siteFor = async (scope: SiteScope, documentId: string, year: number) => {
    const { timezone } = strapi.config.get('plugin::governance') as GovernanceConfig;
    if (year > localYearOf(new Date(), timezone)) throw new errors.ValidationError(ERRORS.year);
    const site = (await strapi.db.query(SITE).findOne({
      where: { documentId },
      select: ['id', ...SITE_IDENTITY_FIELDS],
    })) as ReportSite | null;
    // Another site's form is as unknown as one of no site.
    if (!site || (!scope.all && !scope.siteIds.includes(site.id)))
      throw new errors.NotFoundError(ERRORS.noSuchSite);
    return site;
  };

  return {
    /** What the CMS fills in on the site's form of `year`. */
    async figures(scope: SiteScope, documentId: string, year: number) {
      return figures.of(await siteFor(scope, documentId, year), year);
    },

    /** The articles a 信息发布 figure of the form counted, a page at a time. */
    async articles(
      scope: SiteScope,
      documentId: string,
      year: number,
      query: { figure: PublishingFigure; page: number; pageSize: number }
    ) {
      const site = await siteFor(scope, documentId, year);
      const { articles, total } = await figures.articles(site, year, query.figure, query);
      return {
        data: articles,
        meta: {
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            total,
            pageCount: Math.ceil(total / query.pageSize),
          },
        },
      };
    },
  };
};

export default annualReportsService;
