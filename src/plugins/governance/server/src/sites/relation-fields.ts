import type { Core } from '@strapi/strapi';
import { contentTypes, errors, traverse } from '@strapi/utils';
import { ERRORS } from './messages';
import { ADMIN_USER, UPLOAD_FILE } from '../uids';
import { STRAPI_SYSTEM_FIELDS } from '../utils/system-fields';

const CM_READ = 'plugin::content-manager.explorer.read';
const ADMIN_USERS_READ = 'admin::users.read';
/** The admin-user fields Strapi ever shows in the admin (ADMIN_USER_ALLOWED_FIELDS in @strapi/admin). */
const ADMIN_USER_FIELDS = ['id', 'firstname', 'lastname', 'username', 'email', 'isActive'];
/** Fields every reader of a type may query, permitted or not (getQueryFields in @strapi/admin). */
const SYSTEM_FIELDS: readonly string[] = ['id', ...STRAPI_SYSTEM_FIELDS];

/** Strapi's traversal types (@strapi/utils does not export them by name). */
type Visitor = Parameters<typeof traverse.traverseQueryFilters>[0];
type Model = Parameters<typeof contentTypes.isPrivateAttribute>[0];
type Attribute = Model['attributes'][string];

/** The part of Strapi's CASL ability the rule needs. */
interface Ability {
  can(action: string, subject?: string, field?: string): boolean;
  rulesFor?(
    action: string,
    subject: string,
    field?: string
  ): Array<{ inverted?: boolean; conditions?: unknown }>;
}

interface PermissionsManager {
  sanitizeQuery(query: unknown, options?: unknown): Promise<unknown>;
  validateQuery(query: unknown, options?: unknown): Promise<unknown>;
}

interface PermissionService extends Core.Service {
  createPermissionsManager(options: { ability: Ability; model: string }): PermissionsManager;
  actionProvider: { get(actionId: string): { subjects?: string[] } | undefined };
}

/** How much of a type a permission grants: nothing, some records (a condition applies), or every record. */
type Reach = 'none' | 'some' | 'every';

const reachOf = (ability: Ability, action: string, subject: string, field?: string): Reach => {
  if (!ability.can(action, subject, field)) return 'none';
  if (typeof ability.rulesFor !== 'function') return 'some';
  const rules = ability.rulesFor(action, subject, field).filter((rule) => !rule.inverted);
  const unconditional = rules.some(
    (rule) => !rule.conditions || Object.keys(rule.conditions).length === 0
  );
  return unconditional ? 'every' : 'some';
};

/**
 * The Content Manager's read action names every content type as a subject, also those it never
 * shows (the media library's files and folders, whose own permissions Strapi checks): only the
 * types it shows are judged by their Content Manager permission.
 */
const shownByContentManager = (model: Model) =>
  (model as { pluginOptions?: { 'content-manager'?: { visible?: boolean } } }).pluginOptions?.[
    'content-manager'
  ]?.visible !== false;

const isThrough = (attribute: Attribute | undefined) =>
  attribute?.type === 'relation' || attribute?.type === 'media';

/** A model by uid, in the shape Strapi's traversal works with. */
const modelOf = (strapi: Core.Strapi, uid: string) =>
  strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0]) as Model | undefined;

/** The model an attribute leads to, for relations, media and components. */
const targetOf = (strapi: Core.Strapi, attribute: Attribute): Model | undefined => {
  if (attribute.type === 'relation')
    return attribute.target ? modelOf(strapi, attribute.target) : undefined;
  if (attribute.type === 'media') return modelOf(strapi, UPLOAD_FILE);
  if (attribute.type === 'component') return modelOf(strapi, attribute.component);
  return undefined;
};

/**
 * Refuses a query that filters, sorts or populates by a field of a related record the caller may
 * not read. Strapi checks a query's fields against the caller's permissions on the main type
 * only: once a path enters a relation (`site.parent.children.responsiblePhone`) any field of any
 * related record is allowed, and a filter answers yes or no about it (a county editor's own
 * articles, filtered by a neighbouring county's phone, give it away digit by digit).
 *
 * The rule: through a relation, a field of a content type is reachable when the caller's read
 * permission on that type covers it (Settings → Roles, its fields), and, when that permission
 * holds only under a condition (在本人所属站点内, own sites only), when the field is not private:
 * a relation leads to records outside the condition. Private fields (the site's
 * responsiblePhone, a message's name, phone, e-mail and query code) stay for whoever may read
 * every record. An admin user behind createdBy/updatedBy is reachable by those who may read
 * admin users, and then only by the fields Strapi shows of one: never a password or token.
 * Types the Content Manager does not manage (upload files, roles) are left to Strapi.
 */
export const relationFieldGuard = (
  strapi: Core.Strapi,
  ability: Ability,
  explorerSubjects: readonly string[]
) => {
  const refuse = (path: string[]) => {
    const joined = path.join('.');
    throw new errors.ValidationError(ERRORS.unreadableRelationField(joined), { path: joined });
  };

  /** Whether the caller may read `field` on any record of `model` a relation can lead to. */
  const readable = (model: Model, field: string) => {
    let reach: Reach;
    if (model.uid === ADMIN_USER) {
      if (!ADMIN_USER_FIELDS.includes(field)) return false;
      reach = reachOf(ability, ADMIN_USERS_READ, 'all');
    } else if (explorerSubjects.includes(model.uid) && shownByContentManager(model)) {
      reach = reachOf(
        ability,
        CM_READ,
        model.uid,
        SYSTEM_FIELDS.includes(field) ? undefined : field
      );
    } else {
      return true;
    }
    return (
      reach === 'every' || (reach === 'some' && !contentTypes.isPrivateAttribute(model, field))
    );
  };

  /** Whether walking `segments` from `schema` enters a related record (components belong to their owner). */
  const entersRelation = (schema: Model, segments: string[]) => {
    let model: Model | undefined = schema;
    for (const segment of segments) {
      const attribute: Attribute | undefined = model?.attributes[segment];
      if (!attribute) return false;
      if (isThrough(attribute)) return true;
      model = targetOf(strapi, attribute);
    }
    return false;
  };

  /** Where a part of the query applies: its model, its path from the main type, and whether that path entered a relation. */
  interface Scope {
    schema: Model;
    prefix: string[];
    related: boolean;
  }
  const options = (scope: Scope) => ({
    schema: scope.schema,
    getModel: (uid: string) => modelOf(strapi, uid) as Model,
  });
  const segmentsOf = (path: { attribute: string | null }) =>
    path.attribute ? path.attribute.split('.') : [];

  /** A visitor for filters and sorts: every attribute key met on a related record must be readable. */
  const fieldVisitor =
    (scope: Scope): Visitor =>
    ({ key, attribute, schema, path }) => {
      if (!attribute) return;
      const segments = segmentsOf(path);
      if (scope.related || entersRelation(scope.schema, segments.slice(0, -1))) {
        if (!readable(schema, key)) refuse([...scope.prefix, ...segments]);
      }
    };

  const checkFilters = (scope: Scope, filters: unknown) =>
    traverse.traverseQueryFilters(fieldVisitor(scope), options(scope), filters);
  const checkSort = (scope: Scope, sort: unknown) =>
    traverse.traverseQuerySort(fieldVisitor(scope), options(scope), sort);

  /** Populating a relation without `fields` selects every field of the related record. */
  const checkWholeRecord = (target: Model, path: string[]) => {
    for (const [name, attribute] of Object.entries(target.attributes)) {
      if (contentTypes.isScalarAttribute(attribute) && !readable(target, name))
        refuse([...path, name]);
    }
  };
  const selectsEveryField = (value: unknown) =>
    !(
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      ('fields' in value || 'count' in value)
    );

  const populateVisitor =
    (scope: Scope): Visitor =>
    async ({ key, value, attribute, schema, path, parent }) => {
      const segments = segmentsOf(path);
      const here = [...scope.prefix, ...segments];
      if (attribute) {
        if (
          (scope.related || entersRelation(scope.schema, segments.slice(0, -1))) &&
          !readable(schema, key)
        )
          refuse(here);
        const target = targetOf(strapi, attribute);
        if (target && isThrough(attribute) && selectsEveryField(value))
          checkWholeRecord(target, here);
        return;
      }
      // `populate=*` populates every relation of the model, whole.
      if (key === '' && value === '*') {
        const related = scope.related || entersRelation(scope.schema, segments);
        for (const [name, relation] of Object.entries(schema.attributes)) {
          const target = targetOf(strapi, relation);
          if (!target || !isThrough(relation)) continue;
          if (related && !readable(schema, name)) refuse([...here, name]);
          checkWholeRecord(target, [...here, name]);
        }
        return;
      }
      // The options of a populated relation apply to the related record.
      if (!parent?.attribute) return;
      const nested: Scope = {
        schema,
        prefix: here,
        related: scope.related || entersRelation(scope.schema, segments),
      };
      if (key === 'filters') await checkFilters(nested, value);
      if (key === 'sort') await checkSort(nested, value);
      if (key === 'fields')
        await traverse.traverseQueryFields(fieldVisitor(nested), options(nested), value);
    };

  const wholeRecordReadable = (target: Model) =>
    Object.entries(target.attributes).every(
      ([name, attribute]) => !contentTypes.isScalarAttribute(attribute) || readable(target, name)
    );

  /**
   * `populate` with each `*` spelled out as the relations it may populate: what a reader may not
   * see whole (a folder's creator, for a site editor) is left out, as Strapi's sanitiser leaves
   * out what a permission does not cover. Strapi's own screens ask with `*` (the media library,
   * for a folder's parents), and must not be refused for fields they never show.
   */
  const narrowStars = (schema: Model, populate: unknown, related: boolean): unknown => {
    if (populate === '*')
      return Object.fromEntries(
        Object.entries(schema.attributes).flatMap(([name, attribute]) => {
          const target = targetOf(strapi, attribute);
          if (!target) return [];
          if (
            isThrough(attribute) &&
            ((related && !readable(schema, name)) || !wholeRecordReadable(target))
          )
            return [];
          return [[name, true]];
        })
      );
    if (typeof populate !== 'object' || populate === null || Array.isArray(populate))
      return populate;
    return Object.fromEntries(
      Object.entries(populate).map(([name, value]) => {
        const attribute: Attribute | undefined = schema.attributes[name];
        const target = attribute ? targetOf(strapi, attribute) : undefined;
        const throughIt = related || isThrough(attribute);
        // `populate[parent]=*`: the relation with every relation of its own.
        if (target && value === '*')
          return [name, { populate: narrowStars(target, '*', throughIt) }];
        if (!target || typeof value !== 'object' || value === null || !('populate' in value))
          return [name, value];
        const nested = (value as { populate: unknown }).populate;
        return [name, { ...value, populate: narrowStars(target, nested, throughIt) }];
      })
    );
  };

  /** The query with its populate's stars narrowed (`narrowStars`), for the sanitiser. */
  const narrow = (uid: string, query: unknown) => {
    const schema = modelOf(strapi, uid);
    if (!schema || typeof query !== 'object' || query === null || !('populate' in query))
      return query;
    return {
      ...query,
      populate: narrowStars(schema, (query as { populate: unknown }).populate, false),
    };
  };

  /** Throws a ValidationError naming the first unreadable path of the query's filters, sort and populate. */
  const check = async (uid: string, query: unknown) => {
    if (typeof query !== 'object' || query === null) return;
    const schema = modelOf(strapi, uid);
    if (!schema) return;
    const { filters, sort, populate } = query as {
      filters?: unknown;
      sort?: unknown;
      populate?: unknown;
    };
    const root: Scope = { schema, prefix: [], related: false };
    if (filters !== undefined) await checkFilters(root, filters);
    if (sort !== undefined) await checkSort(root, sort);
    if (populate !== undefined)
      await traverse.traverseQueryPopulate(populateVisitor(root), options(root), populate);
  };
  return { check, narrow };
};

interface ServicesRegistry {
  extend(uid: string, extend: (service: PermissionService) => Core.Service): unknown;
}

/**
 * Every admin route that reads with the caller's permissions (the Content Manager's lists and
 * relation pickers, the media library, releases, admin users) sanitises its query through a
 * permissions manager from `admin::permission`. Wrapping its query sanitiser and validator
 * puts the relation rule under all of them, including routes added by a later Strapi.
 */
export const guardRelationQueries = (strapi: Core.Strapi) => {
  strapi.get<ServicesRegistry>('services').extend('admin::permission', (service) => ({
    ...service,
    createPermissionsManager(options: { ability: Ability; model: string }) {
      const manager = service.createPermissionsManager(options);
      const subjects = service.actionProvider.get(CM_READ)?.subjects ?? [];
      const { check, narrow } = relationFieldGuard(strapi, options.ability, subjects);
      const { sanitizeQuery, validateQuery } = manager;
      manager.sanitizeQuery = async (query, opts) => {
        const narrowed = narrow(options.model, query);
        await check(options.model, narrowed);
        return sanitizeQuery(narrowed, opts);
      };
      // A `*` names no field: it is narrowed to what the caller may see, never refused.
      manager.validateQuery = async (query, opts) => {
        await check(options.model, narrow(options.model, query));
        return validateQuery(query, opts);
      };
      return manager;
    },
  }));
};
