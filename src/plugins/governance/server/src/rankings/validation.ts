import { validateYupSchema, yup } from '@strapi/utils';
import { oneOf } from '../utils/one-of';
import { year, YEAR_ERROR } from '../utils/query-fields';

export const ERRORS = {
  year: YEAR_ERROR,
  yearRequired: '请指定年份 (year is required)',
  format: '导出格式须为 csv 或 xlsx (format must be csv or xlsx)',
  source: '数据来源须为 live（实时）或 snapshot（快照）(source must be live or snapshot)',
  note: '备注不超过 500 字 (the note is at most 500 characters)',
  membersSeeOwnPlace:
    'membersSeeOwnPlace 须为 true 或 false (membersSeeOwnPlace must be true or false)',
  site: '站点代码须为 1 至 64 个小写字母、数字或连字符 (site must be a site code)',
  path: '路径须以 / 开头，不超过 2000 个字符 (path must start with / and be at most 2000 characters)',
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
    })
    .noUnknown(),
  { strict: false }
);

export const validateFreeze = validateYupSchema(
  yup
    .object({
      year: year().required(ERRORS.yearRequired),
      note: yup.string().trim().max(500, ERRORS.note).nullable().default(null),
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
        .required(ERRORS.site)
        .matches(/^[a-z0-9][a-z0-9-]{0,63}$/, ERRORS.site),
      path: yup.string().required(ERRORS.path).max(2000, ERRORS.path).matches(/^\//, ERRORS.path),
    })
    .noUnknown(),
  { strict: false }
);
