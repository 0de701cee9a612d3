import { validateYupSchema, yup } from '@strapi/utils';
import { oneOf } from '../utils/one-of';
import { wholeNumber, year } from '../utils/query-fields';
import { ANNUAL_REPORT_ERRORS as ERRORS } from './messages';

const PUBLISHING_FIGURES = ['total', 'overview', 'news', 'disclosure'] as const;

/** A site's form of a year: `/annual-reports/sites/:documentId/years/:year`. */
export const validateReportParams = validateYupSchema(
  yup.object({
    documentId: yup
      .string()
      .matches(/^[0-9a-z]{1,64}$/, ERRORS.noSuchSite)
      .required(ERRORS.noSuchSite),
    // A year to come is refused by the service, which knows the group's local year.
    year: year(ERRORS.year).required(ERRORS.year),
  }),
  { strict: false }
);

/** What a 信息发布 figure counted, a page at a time. */
export const validateArticlesQuery = validateYupSchema(
  yup
    .object({
      figure: oneOf(PUBLISHING_FIGURES, ERRORS.query).default('total'),
      page: wholeNumber(1, 100_000, ERRORS.query).default(1),
      pageSize: wholeNumber(1, 100, ERRORS.query).default(20),
    })
    // Anything else in the query string is dropped (yup's cast under noUnknown).
    .noUnknown(),
  { strict: false }
);
