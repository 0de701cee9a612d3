/** What the media rules answer, in Chinese: the file's name, what is wrong, what to do. */
export const MEDIA_ERRORS = {
  notYourFile: '只能使用本站点的文件：所选文件属于其他站点，或已不存在。',
  notYourFolder: '只能使用本站点的文件夹：所选文件夹属于其他站点或媒体库根目录，或已不存在。',
  siteRootFixed: '站点的根文件夹不能删除、移动或改名。',
  chooseSiteFolder: '您属于多个站点：请先进入其中一个站点的文件夹，再上传文件。',
  groupWideOnly: '此操作涉及全部站点的文件，仅省厅管理员可用。',
  markup: (name: string) =>
    `文件“${name}”含有网页代码（HTML 或脚本），不能上传。请上传原始的图片或文档。`,
  notText: (name: string) => `文件“${name}”不是纯文本（应为 UTF-8 或 GBK 编码的文字），不能上传。`,
  notAllowed: (name: string, what: string) =>
    `文件“${name}”是${what}，不能上传。可以上传：图片（JPG、PNG、GIF、WebP）、PDF、OFD、Word、Excel、PowerPoint、WPS 文档和纯文本。`,
  wrongExtension: (name: string, label: string, extension: string) =>
    `文件“${name}”的内容是${label}，与扩展名“${extension ? `.${extension}` : '（无）'}”不符。请改正文件名后再上传。`,
  tooLarge: (name: string, size: string, kind: string, limit: string) =>
    `文件“${name}”有 ${size}，超过${kind}的上限 ${limit}。`,
  fileOfOtherSite: (name: string) =>
    `文件“${name}”不在本站点的媒体库文件夹中，文章只能使用本站点的文件。请把文件上传到本站点的文件夹后再选用。`,
  coverWithoutText: (name: string) =>
    `封面图片“${name}”没有替代文字：请在媒体库中打开该图片，填写“替代文字”（说明图片内容，供读屏软件朗读）。`,
  bodyImageWithoutText: (position: number, name: string) =>
    `正文第 ${position} 张图片${name ? `“${name}”` : ''}没有替代文字：请在媒体库中为该图片填写“替代文字”，再保存一次文章。`,
  attachmentWithoutFile: (position: number) => `第 ${position} 个附件还没有选择文件。`,
  attachmentWithoutName: (position: number, file: string) =>
    `第 ${position} 个附件（文件“${file}”）没有填写显示名称。`,
  cannotSubmit: (problems: string[]) =>
    `文章的图片或附件还不完整，不能送审：${problems.join('；')}`,
};
