import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { adminRoutesOf, appendPolicy } from './utils/route-policies';

/** The Content Manager's actions on documents: `plugin::content-manager.explorer.read` and the others. */
const CONTENT_MANAGER_ACTION = 'plugin::content-manager.explorer.';
/** Every content type of this plugin is an internal record (ARCHITECTURE.md, Domain model). */
const INTERNAL = 'plugin::governance.';
/** The route parameters by which the Content Manager's routes name a content type. */
const TYPE_PARAMS = ['model', 'uid', 'contentType'] as const;

interface ActionProvider {
  hooks: {
    willRegister: {
      register(handler: (item: { key: string; value: { subjects?: string[] } }) => void): void;
    };
  };
}

/** Policy `plugin::governance.not-internal`: a Content Manager route naming one of our types answers 404. */
export const notInternal = (ctx: {
  params?: Partial<Record<(typeof TYPE_PARAMS)[number], string>>;
}) => {
  const uid = TYPE_PARAMS.map((name) => ctx.params?.[name]).find((value) => value !== undefined);
  if (uid?.startsWith(INTERNAL)) {
    throw new errors.NotFoundError(
      '内部记录不通过内容管理提供 (internal records are not served by the Content Manager)'
    );
  }
  return true;
};

/**
 * The plugin's records (password state with its hashes, lockouts, the audit chain, review
 * decisions, memberships…) are written by its services and read through its own routes, each
 * behind its own permission and rules. Strapi makes every content type, hidden ones too, a
 * subject of the Content Manager's read action and gives it to the Super Admin: that served
 * `GET /content-manager/collection-types/plugin::governance.password-state` with every account's
 * password hashes. So, in two places that do not depend on each other:
 * - our types are taken out of those actions' subjects as the Content Manager registers them
 *   (its bootstrap, after our register): no role holds a permission on them, the Super Admin's
 *   included, Strapi drops the ones stored before, and the routes that list across types by
 *   permission (recent documents, history) leave them out;
 * - every Content Manager route that names a type in its path answers 404 for ours, before
 *   Strapi's controllers (some of which answer a refused relation request with a 500).
 */
export const keepInternalRecordsPrivate = (strapi: Core.Strapi) => {
  const actions = strapi.service('admin::permission').actionProvider as ActionProvider;
  actions.hooks.willRegister.register(({ key, value }) => {
    if (key.startsWith(CONTENT_MANAGER_ACTION) && Array.isArray(value.subjects)) {
      value.subjects = value.subjects.filter((subject) => !subject.startsWith(INTERNAL));
    }
  });

  const routes = adminRoutesOf(strapi, 'content-manager').filter((route) =>
    TYPE_PARAMS.some((name) => route.path.includes(`/:${name}`))
  );
  if (!routes.some((route) => route.path === '/collection-types/:model')) {
    throw new Error(
      'governance: the Content Manager has no /collection-types/:model to guard; review internal-records.ts'
    );
  }
  for (const route of routes) appendPolicy(route, 'plugin::governance.not-internal');
};
