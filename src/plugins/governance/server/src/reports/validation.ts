import { validateYupSchema, yup } from '@strapi/utils';
import { ACCOUNT_FILTERS } from '../../../shared/contracts/accounts';
import { RULE_STATUSES } from '../../../shared/contracts/oversight';
import { SITE_LEVELS } from '../../../shared/contracts/overview';
import { oneOf } from '../utils/one-of';
import { year } from '../utils/query-fields';
import { ERRORS } from './messages';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (message: string) => yup.string().trim().matches(DATE, message);

export const validateYear = validateYupSchema(yup.object({ year: year(ERRORS.year) }).noUnknown(), {
  strict: false,
});

export const validateRequiredYear = validateYupSchema(
  yup.object({ year: year(ERRORS.year).required(ERRORS.year) }).noUnknown(),
  { strict: false }
);

export const validateOversightFilters = validateYupSchema(
  yup
    .object({
      status: oneOf(RULE_STATUSES, ERRORS.filters),
      level: oneOf(SITE_LEVELS, ERRORS.filters),
      city: yup.string().trim().max(50, ERRORS.filters),
      query: yup.string().trim().max(50, ERRORS.filters),
    })
    .noUnknown(),
  { strict: false }
);

export const validateAccountFilters = validateYupSchema(
  yup
    .object({
      filter: oneOf(ACCOUNT_FILTERS, ERRORS.filters),
      q: yup.string().max(50, ERRORS.filters),
    })
    .noUnknown(),
  { strict: false }
);

/**
 * The 版头 and 落款 of a notice as a Word document: 发文机关 in Chinese characters (with the
 * brackets an office's name may have), 发文字号 as 代字〔年份〕序号号, the 主送机关 and the
 * 成文日期.
 */
const heading = {
  issuer: yup
    .string()
    .trim()
    .required(ERRORS.issuer)
    .matches(/^[\u4e00-\u9fff（）]{2,30}$/, ERRORS.issuer),
  docNumber: yup
    .string()
    .trim()
    .required(ERRORS.docNumber)
    .matches(/^[\u4e00-\u9fff]{1,12}〔\d{4}〕[1-9]\d{0,3}号$/, ERRORS.docNumber),
  addressee: yup
    .string()
    .trim()
    .required(ERRORS.addressee)
    .min(2, ERRORS.addressee)
    .max(100, ERRORS.addressee)
    .matches(/^[^<>\r\n]*$/, ERRORS.addressee),
  date: date(ERRORS.date).required(ERRORS.date),
};

export const validateAnnualNotice = validateYupSchema(
  yup.object({ year: year(ERRORS.year).required(ERRORS.year), ...heading }).noUnknown(),
  { strict: false }
);

export const validateInspectionNotice = validateYupSchema(
  yup
    .object({
      from: date(ERRORS.period).required(ERRORS.period),
      to: date(ERRORS.period).required(ERRORS.period),
      ...heading,
    })
    .noUnknown(),
  { strict: false }
);
