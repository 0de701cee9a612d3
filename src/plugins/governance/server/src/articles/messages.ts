/** What the article rules answer a write with: Chinese first, with English. */
export const ERRORS = {
  imageNotAllowed: (url: string) =>
    `正文中的图片地址“${url.length > 100 ? `${url.slice(0, 100)}…` : url}”不是本站媒体库中的文件，也不在允许的图片域名中，请从媒体库插入图片 (an image in the body must be a file of the media library or on an allowed host)`,
} as const;
