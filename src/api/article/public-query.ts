import { errors } from '@strapi/utils';

/**
 * What the public article list may be asked. A filter or a sort on a field no index orders (a
 * title, `$contains` in a body) makes the database read the whole archive: seconds at a million
 * articles, and on SQLite every other request waits meanwhile (docs/scale.md). Any anonymous
 * caller could ask it. So the list answers what an index answers, as a citizens' site asks: one
 * site's articles (by its code or document id), a column or the special topics of that site, a period of first
 * publication, one article by its document id or its slug, newest or oldest first.
 */
const EQUAL = ['$eq', '$in'];
const PERIOD = ['$eq', '$gt', '$gte', '$lt', '$lte'];

/** Field path → the operators it takes. */
const FILTERS: Record<string, string[]> = {
  documentId: EQUAL,
  slug: ['$eq'],
  // One site, read through its site key (sites/site-key.ts); several would join the link table.
  'site.code': ['$eq'],
  'site.documentId': ['$eq'],
  column: EQUAL,
  isSpecialTopic: ['$eq'],
  firstPublishedAt: PERIOD,
};
const SORTS = new Set(['firstPublishedAt']);
const POPULATES = new Set(['site']);

const refuse = (message: string): never => {
  throw new errors.ValidationError(message);
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The field paths a filter names, each checked against its operators ($and, $or, $not: none). */
const fieldsOf = (filters: unknown, prefix = ''): string[] => {
  if (!isObject(filters)) return refuse('筛选条件的格式有误');
  return Object.entries(filters).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (key === 'site' && !prefix) return fieldsOf(value, 'site');
    const operators = FILTERS[path];
    if (!operators) return refuse(`公开查询不能按“${path}”筛选`);
    // `filters[site][code]=xian`: Strapi's short form of $eq.
    if (!isObject(value)) return [path];
    for (const operator of Object.keys(value))
      if (!operators.includes(operator)) refuse(`公开查询中“${path}”不能使用条件“${operator}”`);
    return [path];
  });
};

/** The fields a sort names: `a:desc,b`, `['a:desc']` or `{ a: 'desc' }`. */
const sortFieldsOf = (sort: unknown): string[] => {
  if (typeof sort === 'string') return sort.split(',').map((part) => part.trim().split(':')[0]);
  if (Array.isArray(sort)) return sort.flatMap(sortFieldsOf);
  if (isObject(sort)) return Object.keys(sort);
  return refuse('排序参数的格式有误');
};

const populatedOf = (populate: unknown): string[] => {
  if (populate === '*') return [];
  if (typeof populate === 'string') return populate.split(',').map((part) => part.trim());
  if (Array.isArray(populate)) return populate.flatMap(populatedOf);
  if (isObject(populate)) return Object.keys(populate);
  return refuse('关联内容参数的格式有误');
};

/**
 * Refuses (400, in Chinese) a public list query an index cannot answer; a column only with its
 * site. Checked before Strapi's own validation, which still refuses unknown and private fields.
 */
export const checkPublicListQuery = (query: Record<string, unknown>) => {
  if (query.filters !== undefined) {
    const fields = fieldsOf(query.filters);
    const ofSite = fields.some((field) => field.startsWith('site.'));
    if (fields.includes('column') && !ofSite) refuse('按栏目筛选时须同时指定站点');
    if (fields.includes('isSpecialTopic') && !ofSite) refuse('按专题筛选时须同时指定站点');
  }
  if (query.sort !== undefined)
    for (const field of sortFieldsOf(query.sort))
      if (!SORTS.has(field)) refuse(`公开查询不能按“${field}”排序，请按首次发布时间排序`);
  if (query.populate !== undefined)
    for (const relation of populatedOf(query.populate))
      if (!POPULATES.has(relation)) refuse(`公开查询不能附带“${relation}”`);
};
