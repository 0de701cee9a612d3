import { validateYupSchema, yup } from '@strapi/utils';

export const ERRORS = {
  year: '年份须为 2000 至 2100 之间的整数 (year must be an integer from 2000 to 2100)',
} as const;

const overviewQuery = yup
  .object({
    year: yup
      .number()
      .integer(ERRORS.year)
      .min(2000, ERRORS.year)
      .max(2100, ERRORS.year)
      .typeError(ERRORS.year),
  })
  .noUnknown();

export const validateOverviewQuery = validateYupSchema(overviewQuery, { strict: false });
