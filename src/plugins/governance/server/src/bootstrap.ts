import type { Core } from '@strapi/strapi';
import { actionDefinitions } from './permissions';
import { ownSiteCondition } from './sites/condition';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  const permissions = strapi.service('admin::permission');
  await permissions.actionProvider.registerMany(actionDefinitions);
  await permissions.conditionProvider.register(ownSiteCondition(strapi));
};

export default bootstrap;
