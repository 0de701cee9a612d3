import articleLink from './article-link/schema.json';
import inspectedArticle from './inspected-article/schema.json';
import inspectionFinding from './inspection-finding/schema.json';
import inspectionRun from './inspection-run/schema.json';
import linkState from './link-state/schema.json';

export default {
  'inspection-finding': { schema: inspectionFinding },
  'inspected-article': { schema: inspectedArticle },
  'inspection-run': { schema: inspectionRun },
  'article-link': { schema: articleLink },
  'link-state': { schema: linkState },
};
