import type { Core } from '@strapi/strapi';
import { articleRules } from './articles/document-middleware';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(articleRules(strapi));
};

export default register;
