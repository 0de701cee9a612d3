import type { Core, Modules, UID } from '@strapi/strapi';
import { adminUserOfRequest } from '../utils/document-middleware';
import { forbidden } from '../utils/forbidden';
import { ERRORS } from './messages';
import { CITIZEN_MESSAGE } from '../uids';

/**
 * Fields only the handling flow writes (with its actor from the session and its event record):
 * a Content Manager edit or any other Document Service write cannot set a reply, its author or
 * date, the status, the deadline, the rating, a spot check, or what the figures read of them (a
 * refusal's confirmation, a placeholder's flag, a revision). They are dropped from the write.
 */
const FLOW_FIELDS = [
  'status',
  'reply',
  'replyingUnit',
  'repliedBy',
  'repliedAt',
  'workingDaysToReply',
  'repliedOnTime',
  'holderRepliedOnTime',
  'dueAt',
  'revision',
  'pendingExtension',
  'satisfaction',
  'reopenedAt',
  'spotCheck',
  'overdueNotifiedAt',
  'invalidation',
  'replyFlagged',
  'replyRevisedAt',
];

/**
 * What the citizen submitted, and what identifies it: evidence, never changed afterwards by
 * anyone. A wrong category is corrected in 留言办理 (an event with who and why, the original
 * kept); the site changes only by 转办. A write through the Document Service that would change
 * any of these, or the personal fields below, is refused and rolled back. Named here because no
 * schema flag says "the citizen wrote this": category, subject and body are shown and searched,
 * and the case number and received time are set by the server at submission.
 */
const SUBMITTED_FIELDS = [
  'category',
  'subject',
  'body',
  'receivedAt',
  'caseNumber',
  'originalCategory',
];

/**
 * The citizen's identity and key: staff never read them through the Content Manager or any
 * other Document Service path (PIPL; the query code would let staff rate in the citizen's
 * name). The case page of 留言办理 shows the contact, and audits each read. They are the
 * attributes the schema hides from the admin (`visible: false`), so the schema, the roles' field
 * lists (sites/roles.ts) and this rule cannot drift apart.
 */
const personalFieldsOf = (strapi: Core.Strapi): ReadonlySet<string> =>
  new Set(
    Object.entries(
      strapi.contentType(CITIZEN_MESSAGE).attributes as Record<
        string,
        { visible?: boolean; configurable?: boolean }
      >
    )
      // Strapi hides the fields it adds itself too (createdBy, updatedBy), marked not configurable.
      .filter(([, attribute]) => attribute.visible === false && attribute.configurable !== false)
      .map(([name]) => name)
  );

/** What the Content Manager's search box looks in. */
const SEARCHABLE = ['caseNumber', 'subject', 'body', 'reply', 'replyingUnit'];

type Row = Record<string, unknown>;

/** What the citizen submitted, as stored: comparable across two reads (dates as instants). */
const snapshot = async (strapi: Core.Strapi, citizenFields: string[], documentId: string) => {
  const row = (await strapi.db.query(CITIZEN_MESSAGE).findOne({
    where: { documentId },
    select: citizenFields,
    populate: { site: { select: ['id'] } },
  })) as (Row & { site?: { id: number } | null }) | null;
  if (!row) return null;
  return {
    ...Object.fromEntries(citizenFields.map((field) => [field, row[field] ?? null])),
    receivedAt: row.receivedAt == null ? null : new Date(row.receivedAt as string).getTime(),
    site: row.site?.id ?? null,
  } as Row;
};

type Personal = ReadonlySet<string>;

/**
 * Whether a filter reaches a personal field: of the message itself (`at` is null) or of the
 * messages behind the relation attributes in `at` (a message event's `message`). Logical
 * operators ($and, $or, $not) nest; other relations (the site's `name`) are not the citizen's.
 */
const filtersPersonal = (personal: Personal, filters: unknown, at: string[] | null): boolean => {
  if (Array.isArray(filters)) return filters.some((inner) => filtersPersonal(personal, inner, at));
  if (!filters || typeof filters !== 'object') return false;
  return Object.entries(filters).some(([key, inner]) => {
    if (key.startsWith('$')) return filtersPersonal(personal, inner, at);
    if (at === null) return personal.has(key);
    return at.includes(key) && filtersPersonal(personal, inner, null);
  });
};

/** The dotted paths a sort names (`email:asc`, `{ message: { email: 'asc' } }`, arrays of either). */
const sortPaths = (sort: unknown, prefix = ''): string[] => {
  if (Array.isArray(sort)) return sort.flatMap((inner) => sortPaths(inner, prefix));
  if (typeof sort === 'string')
    return sort.split(',').map((part) => `${prefix}${part.split(':')[0].trim()}`);
  if (sort && typeof sort === 'object') {
    return Object.entries(sort).flatMap(([key, inner]) =>
      typeof inner === 'object' ? sortPaths(inner, `${prefix}${key}.`) : [`${prefix}${key}`]
    );
  }
  return [];
};

const sortsPersonal = (personal: Personal, sort: unknown, at: string[] | null) =>
  sortPaths(sort).some((path) => {
    const [first, second] = path.split('.');
    return at === null
      ? personal.has(first)
      : at.includes(first) && second !== undefined && personal.has(second);
  });

/** A result as Strapi gave it, less the personal fields, whatever its shape (a count passes as it is). */
const withoutPersonal = <T>(personal: Personal, value: T): T => {
  if (Array.isArray(value)) return value.map((row) => withoutPersonal(personal, row)) as T;
  if (!value || typeof value !== 'object') return value;
  const row: Row = Object.fromEntries(Object.entries(value).filter(([key]) => !personal.has(key)));
  // clone answers `{ documentId, entries }`.
  if (Array.isArray(row.entries))
    row.entries = row.entries.map((entry) => withoutPersonal(personal, entry));
  return row as T;
};

/** The same, for the messages a row of another type holds in the relation attributes `at`. */
const withoutPersonalBehind = <T>(personal: Personal, value: T, at: string[]): T => {
  if (Array.isArray(value))
    return value.map((row) => withoutPersonalBehind(personal, row, at)) as T;
  if (!value || typeof value !== 'object') return value;
  const row: Row = { ...(value as Row) };
  for (const field of at)
    if (row[field] !== undefined) row[field] = withoutPersonal(personal, row[field]);
  if (Array.isArray(row.entries))
    row.entries = row.entries.map((entry) => withoutPersonalBehind(personal, entry, at));
  return row as T;
};

/** The attributes of a content type that point at citizen messages (a message event's `message`). */
const messageRelations = (strapi: Core.Strapi, uid: string) =>
  Object.entries(
    (strapi.getModel(uid as UID.Schema)?.attributes ?? {}) as Record<
      string,
      { type?: string; target?: string }
    >
  )
    .filter(
      ([, attribute]) => attribute.type === 'relation' && attribute.target === CITIZEN_MESSAGE
    )
    .map(([name]) => name);

/**
 * The citizen message's rules beneath every Document Service path (Content Manager list, edit,
 * clone, delete and bulk delete, relation pickers' documents, plugins, scripts). The handling
 * flow writes with the query engine (`strapi.db.query`), beneath this layer, each act with its
 * event.
 */
export const messageRules = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  // Read from the schema on first use: it is complete only once Strapi has loaded every type.
  let fields: { personal: Personal; citizen: string[] } | null = null;
  const fieldsOf = () => {
    if (!fields) {
      const personal = personalFieldsOf(strapi);
      fields = { personal, citizen: [...SUBMITTED_FIELDS, ...personal] };
    }
    return fields;
  };

  return async (context, next) => {
    const params = context.params as {
      data?: Row;
      documentId?: string;
      filters?: unknown;
      sort?: unknown;
      _q?: unknown;
    };
    const staff = adminUserOfRequest(strapi) !== undefined;
    const { personal, citizen } = fieldsOf();
    // A filter or sort on a hidden field would reveal it one guess at a time.
    const refuseProbes = (at: string[] | null) => {
      if (filtersPersonal(personal, params.filters, at) || sortsPersonal(personal, params.sort, at))
        throw forbidden(ERRORS.personalFilter);
    };

    if (context.uid !== CITIZEN_MESSAGE) {
      const at = staff ? messageRelations(strapi, context.uid) : [];
      if (at.length === 0) return next();
      refuseProbes(at);
      return withoutPersonalBehind(personal, await next(), at);
    }

    // What a citizen wrote is a record, whoever asks (the Super Admin holds every permission,
    // so a role list cannot stop it): an invalid message is closed as 不予受理, not removed. The
    // Content Manager's bulk delete deletes document by document through here too.
    if (context.action === 'delete') throw forbidden(ERRORS.noDelete);

    if (staff) {
      // Messages come from citizens, through the public form only.
      if (context.action === 'create' || context.action === 'clone')
        throw forbidden(ERRORS.staffCreate);
      refuseProbes(null);
      // The Content Manager's search (`_q`) runs over every text column, hidden ones too: it
      // searches what staff can read instead.
      if (typeof params._q === 'string' && params._q !== '') {
        const search = { $or: SEARCHABLE.map((field) => ({ [field]: { $containsi: params._q } })) };
        params.filters = params.filters ? { $and: [params.filters, search] } : search;
        delete params._q;
      }
    }

    if (context.action === 'update' && params.documentId) {
      if (params.data)
        params.data = Object.fromEntries(
          Object.entries(params.data).filter(([field]) => !FLOW_FIELDS.includes(field))
        );
      const documentId = params.documentId;
      // Judged by what Strapi stored rather than by the many shapes an input can take.
      const result = await strapi.db.transaction(async () => {
        const before = await snapshot(strapi, citizen, documentId);
        const written = await next();
        const after = await snapshot(strapi, citizen, documentId);
        if (before && after) {
          const changed = Object.keys(before).filter((field) => before[field] !== after[field]);
          if (changed.length > 0) throw forbidden(ERRORS.citizenText, { fields: changed });
        }
        return written;
      });
      return staff ? withoutPersonal(personal, result) : result;
    }

    const result = await next();
    return staff ? withoutPersonal(personal, result) : result;
  };
};
