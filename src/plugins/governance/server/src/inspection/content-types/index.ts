import inspectedArticle from './inspected-article/schema.json';
import inspectionFinding from './inspection-finding/schema.json';
import inspectionRun from './inspection-run/schema.json';

export default {
  'inspection-finding': { schema: inspectionFinding },
  'inspected-article': { schema: inspectedArticle },
  'inspection-run': { schema: inspectionRun },
};
