/**
 * The application's content types (src/api), named once for the server and the admin: the admin
 * adds panels and columns to their Content Manager views, the server reads and guards them.
 */
export const SITE = 'api::site.site';
export const ARTICLE = 'api::article.article';
export const CITIZEN_MESSAGE = 'api::citizen-message.citizen-message';
