import type { Core } from '@strapi/strapi';
import { COLUMN_FIELD } from '../../shared/contracts/oversight';
import { answerStrapiAiOff } from './admin-panel/strapi-ai-off';
import { PLUGIN_NAME } from '../../shared/permissions';
import { keptFiguresOfDeletedSites } from './figures/site-removal';
import { articleRules } from './articles/document-middleware';
import { keepInternalRecordsPrivate } from './internal-records';
import { noticePublication } from './oversight/document-middleware';
import { guardAccountRoutes } from './passwords/super-admins';
import { publicAccessStrategy } from './public-access/strategy';
import { showMessageStatusInContentManager } from './replies/content-manager-status';
import { messageRules } from './replies/document-middleware';
import { siteWorkingDaysRule } from './replies/site-working-days';
import { siteVisitDomainsRule } from './rankings/visit-domains';
import { reviewGate } from './review/gate';
import { siteRules } from './sites/code-rule';
import { followSubmittedArticles } from './submissions/document-middleware';
import { keptArticleTotal } from './figures/documents';
import { siteIsolation } from './sites/isolation-middleware';
import { guardMediaRoutes } from './media/route-guard';
import { guardRelationQueries } from './sites/relation-fields';
import { guardCrossSiteRoutes } from './sites/route-guard';
import { confirmCommits } from './utils/confirmed-commit';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // The article's 栏目: a string chosen from its site's columns (admin: ColumnInput). Registered
  // here, before Strapi turns the schema's custom field into its string column.
  strapi.customFields.register({
    name: COLUMN_FIELD.name,
    plugin: PLUGIN_NAME,
    type: 'string',
    inputSize: { default: 6, isResizable: true },
  });
  // First, before anything writes: a transaction succeeds only if the database confirmed its commit.
  confirmCommits(strapi);
  strapi.documents.use(siteRules(strapi));
  strapi.documents.use(siteWorkingDaysRule(strapi));
  strapi.documents.use(siteVisitDomainsRule());
  strapi.documents.use(siteIsolation(strapi));
  strapi.documents.use(articleRules(strapi));
  strapi.documents.use(keptFiguresOfDeletedSites(strapi));
  // Inside the article rules' transaction: a refused publication rolls everything back.
  strapi.documents.use(reviewGate(strapi));
  strapi.documents.use(noticePublication(strapi));
  // Inside the review gate too: 报送 and 采用 follow what a publication, withdrawal or deletion did.
  strapi.documents.use(followSubmittedArticles(strapi));
  strapi.documents.use(messageRules(strapi));
  // Last: it answers the whole article list's count only when nothing above narrowed it.
  strapi.documents.use(keptArticleTotal(strapi));
  strapi.get('auth').register('content-api', publicAccessStrategy);
  guardCrossSiteRoutes(strapi);
  guardMediaRoutes(strapi);
  answerStrapiAiOff(strapi);
  guardRelationQueries(strapi);
  guardAccountRoutes(strapi);
  keepInternalRecordsPrivate(strapi);
  showMessageStatusInContentManager(strapi);
};

export default register;
