import type { Core } from '@strapi/strapi';
import { articleRules } from './articles/document-middleware';
import { publicAccessStrategy } from './public-access/strategy';
import { siteRules } from './sites/document-middleware';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(siteRules(strapi));
  strapi.documents.use(articleRules(strapi));
  strapi.get('auth').register('content-api', publicAccessStrategy);
};

export default register;
