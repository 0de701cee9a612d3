import { validateYupSchema, yup } from '@strapi/utils';
import { oneOf } from '../utils/one-of';
import { year, YEAR_ERROR } from '../utils/query-fields';

export const ERRORS = {
  year: YEAR_ERROR,
  yearRequired: '请指定年份',
  format: '导出格式须为 csv 或 xlsx',
  source: '数据来源须为实时数据或冻结数据',
  note: '备注不超过 500 字',
  reason: '重新冻结的理由须为 5 至 500 字',
  version: '版本须为正整数',
  membersSeeOwnPlace: '“站点人员可见本站名次”须为是或否',
  site: '站点代码须为 1 至 64 个小写字母、数字或连字符',
  path: '路径须以 / 开头，不超过 2000 个字符',
  visit: '访问记录只含站点代码和路径两项',
  siteDocument: '站点标识无效',
} as const;

/** `year` may be left out: the service then picks the year a provincial office ranks. */
export const validateYearQuery = validateYupSchema(yup.object({ year: year() }).noUnknown(), {
  strict: false,
});

export const validateExportQuery = validateYupSchema(
  yup
    .object({
      year: year().required(ERRORS.yearRequired),
      format: oneOf(['csv', 'xlsx'], ERRORS.format).default('xlsx'),
      source: oneOf(['live', 'snapshot'], ERRORS.source).default('live'),
      version: yup
        .number()
        .typeError(ERRORS.version)
        .integer(ERRORS.version)
        .min(1, ERRORS.version),
    })
    .noUnknown(),
  { strict: false }
);

/** GET /rankings/excluded: a year, and a site by its document id (all sites without). */
export const validateExcludedQuery = validateYupSchema(
  yup
    .object({
      year: year().required(ERRORS.yearRequired),
      site: yup
        .string()
        .matches(/^[a-z0-9]{1,64}$/, ERRORS.siteDocument)
        .optional(),
    })
    .noUnknown(),
  { strict: false }
);

export const validateFreeze = validateYupSchema(
  yup
    .object({
      year: year().required(ERRORS.yearRequired),
      note: yup.string().trim().max(500, ERRORS.note).nullable().default(null),
      // Required by the service when the year already has a version (it knows, the schema does not).
      reason: yup
        .string()
        .typeError(ERRORS.reason)
        .trim()
        .min(5, ERRORS.reason)
        .max(500, ERRORS.reason)
        .nullable()
        .default(null)
        .transform((value: unknown) => (value === '' ? null : value)),
    })
    .noUnknown(),
  { strict: false }
);

export const validateSettings = validateYupSchema(
  yup
    .object({
      membersSeeOwnPlace: yup
        .boolean()
        .strict()
        .required(ERRORS.membersSeeOwnPlace)
        .typeError(ERRORS.membersSeeOwnPlace),
    })
    .noUnknown(),
  { strict: false }
);

/** The beacon's body: a site code and the path viewed (the path is checked, not stored). */
export const validateVisit = validateYupSchema(
  yup
    .object({
      site: yup
        .string()
        .typeError(ERRORS.site)
        .required(ERRORS.site)
        .matches(/^[a-z0-9][a-z0-9-]{0,63}$/, ERRORS.site),
      path: yup
        .string()
        .typeError(ERRORS.path)
        .required(ERRORS.path)
        .max(2000, ERRORS.path)
        .matches(/^\//, ERRORS.path),
    })
    .typeError(ERRORS.visit)
    .noUnknown(true, ERRORS.visit),
  { strict: false }
);

/** GET /rankings/snapshots/:version?year=: a version of a year. */
export const validateVersion = validateYupSchema(
  yup
    .object({
      year: year().required(ERRORS.yearRequired),
      version: yup
        .number()
        .typeError(ERRORS.version)
        .required(ERRORS.version)
        .integer(ERRORS.version)
        .min(1, ERRORS.version),
    })
    .noUnknown(),
  { strict: false }
);

/** GET /rankings/snapshots?year=: the versions of a year. */
export const validateVersionsQuery = validateYupSchema(
  yup.object({ year: year().required(ERRORS.yearRequired) }).noUnknown(),
  { strict: false }
);
