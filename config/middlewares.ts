export default [
  'strapi::logger',
  // Outside the error middleware: the public API's errors in Chinese, whoever raised them.
  'plugin::governance.public-errors',
  'strapi::errors',
  // Inside the error middleware: a database or Redis that is away answers 503 with Retry-After.
  'plugin::governance.dependency-unavailable',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  // In front of the upload plugin's /uploads: a file is public only while a published article
  // uses it; staff open their sites' files with their file pass (docs/media.md).
  'plugin::governance.file-gate',
  'strapi::public',
];
