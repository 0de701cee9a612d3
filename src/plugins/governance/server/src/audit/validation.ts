import { validateYupSchema, yup } from '@strapi/utils';
import { wholeNumber } from '../utils/query-fields';
import { AUDIT_ACTIONS } from './service';

const ERRORS = {
  action: '未知的操作类型 (unknown action)',
  actor: '操作人不超过 50 个字 (the actor is at most 50 characters)',
  date: '日期格式须为 YYYY-MM-DD (dates are YYYY-MM-DD)',
  page: '页码无效 (invalid page)',
};

const date = yup.string().matches(/^\d{4}-\d{2}-\d{2}$/, ERRORS.date);

export const validateAuditFilters = validateYupSchema(
  yup
    .object({
      action: yup.string().oneOf(Object.keys(AUDIT_ACTIONS), ERRORS.action),
      actor: yup.string().max(50, ERRORS.actor),
      from: date,
      to: date,
      page: wholeNumber(1, 100000, ERRORS.page),
    })
    .noUnknown(),
  { strict: false }
);
