import siteFolder from './content-types/site-folder/schema.json';
import siteFolders from './site-folders';
import articleMedia from './article-media';

/**
 * Images and attachments (docs/media.md): each site's files in a folder of its own, seen and
 * changed by its staff only; every upload judged by its content (file-safety.ts, upload-guard.ts).
 */
export default {
  contentTypes: { 'site-folder': { schema: siteFolder } },
  siteFolders,
  articleMedia,
};
