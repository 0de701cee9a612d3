import publishedFile from './content-types/published-file/schema.json';
import siteFolder from './content-types/site-folder/schema.json';
import articleMedia from './article-media';
import controller from './controller';
import { fileGate } from './file-gate';
import publishedFiles from './published-files';
import { adminRoutes } from './routes';
import siteFolders from './site-folders';

/**
 * Images and attachments (docs/media.md): each site's files in a folder of its own, seen and
 * changed by its staff only; every upload judged by its content (file-safety.ts, upload-guard.ts);
 * articles' covers, body images and attachments (article-media.ts); a file online only while a
 * published article uses it (published-files.ts, file-gate.ts).
 */
export default {
  contentTypes: {
    'site-folder': { schema: siteFolder },
    'published-file': { schema: publishedFile },
  },
  siteFolders,
  articleMedia,
  publishedFiles,
  controller,
  routes: { admin: adminRoutes },
  middlewares: { 'file-gate': fileGate },
};
