import type { Core } from '@strapi/strapi';

/**
 * Chinese field labels and useful list columns for the Content Manager. Strapi labels fields
 * with their attribute names ("title", "firstPublishedAt") and lists the first four fields.
 *
 * Strapi keeps each type's view in its core store and merges it with the schema at every boot
 * (the content manager's `syncConfigurations`): the stored value wins, a new field gets its
 * attribute name. So this table is applied after that merge, at every boot, as a three-way
 * merge: a setting is ours to set while it still holds Strapi's default or what we set last
 * time (kept in the store); once someone changed it in "Configure the view", it stays theirs.
 * A new field, a new entry here or a changed label here reaches every database at the next boot.
 */
export interface ContentManagerView {
  /** Label in the edit view, the list's column head and the filters. */
  labels: Record<string, string>;
  /** A line under the edit view's input. */
  descriptions?: Record<string, string>;
  /** The list's columns, in order. */
  list: string[];
  hiddenInEditView?: string[];
  readOnlyInEditView?: string[];
  /** The list's order when the user has chosen none (Strapi's: the main field, A to Z). */
  sort?: ListSort;
}

export interface ListSort {
  by: string;
  order: 'ASC' | 'DESC';
}

/** Strapi's own fields, in every list's column chooser and filters. */
const SYSTEM_LABELS: Record<string, string> = {
  id: 'ID',
  documentId: '文档 ID',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  createdBy: '创建人',
  updatedBy: '更新人',
  publishedAt: '发布时间',
};

export const VIEWS: Record<string, ContentManagerView> = {
  'api::article.article': {
    labels: {
      ...SYSTEM_LABELS,
      title: '标题',
      slug: '链接别名',
      summary: '摘要',
      body: '正文',
      cover: '封面图片',
      attachments: '附件',
      site: '所属站点',
      column: '栏目',
      isSpecialTopic: '专题文章',
      firstPublishedAt: '首次发布时间',
      reviewStatus: '审核状态',
      sourceSiteName: '来源网站',
      sourceSiteCode: '来源网站代码',
      sourceArticleDocumentId: '原文 ID',
      sourceSubmitterName: '报送人',
    },
    descriptions: {
      slug: '文章网址的最后一段，只用小写字母、数字和连字符',
      column: '从所属站点设置的栏目中选择；站群监测按这些栏目检查更新情况',
      isSpecialTopic: '专题文章在站点的专题栏目中展示',
      firstPublishedAt: '首次发布时由系统记录，再次发布不改变',
      cover: '只能选用本站点媒体库中的图片；送审前须在媒体库中为图片填写替代文字',
      attachments: '按顺序列在正文之后供下载，如申请表、政策原文；每个附件须有显示名称',
    },
    // The review side panel shows the state, with its history and actions; the 信息报送 panel
    // names an adopted article's source.
    hiddenInEditView: [
      'reviewStatus',
      'sourceSiteName',
      'sourceSiteCode',
      'sourceArticleDocumentId',
      'sourceSubmitterName',
    ],
    // The review column (审核状态) is added by the plugin's admin after these.
    list: ['title', 'site', 'column', 'firstPublishedAt'],
    // Stamped by the server at the first publication: the server drops any value sent for it.
    readOnlyInEditView: ['firstPublishedAt'],
    // Newest first: what an editor works on. Indexed, for the province and for one site alike
    // (the article's indexes on created_at, with and without the site key).
    sort: { by: 'createdAt', order: 'DESC' },
  },
  // An article's attachment (a component: the edit view's block for each one).
  'article.attachment': {
    labels: { name: '显示名称', file: '文件' },
    descriptions: { name: '读者看到的附件名称，如“城乡低保申请表”' },
    list: ['name'],
  },
  'api::site.site': {
    labels: {
      ...SYSTEM_LABELS,
      name: '站点名称',
      code: '站点代码',
      level: '级别',
      parent: '上级站点',
      children: '下级站点',
      url: '网址',
      visitDomains: '访问统计的其他域名',
      sortOrder: '排序',
      active: '启用',
      responsiblePerson: '网站负责人',
      responsiblePhone: '负责人电话',
      replyWorkingDays: '本站答复期限（工作日，按类别）',
      siteType: '网站类型',
      sponsor: '主办单位',
      siteIdCode: '政府网站标识码',
      icpNumber: 'ICP备案号',
      publicSecurityNumber: '公安机关备案号',
    },
    descriptions: {
      code: '小写字母、数字和连字符，区县以所属设区市的代码开头，如 xian-beilin',
      parent: '区县站点所属的设区市站点',
      sortOrder: '同级站点排名并列时按此排序，数字小的在前',
      visitDomains:
        '访问量只统计来自本站页面的访问：网址的域名之外，本站页面还在哪些域名下，每行一个，如 www.xa.gov.cn 或 *.xa.gov.cn',
      siteType: '政府网站工作年度报表所填的网站类型',
      sponsor: '如 陕西省人民政府办公厅；年度报表和网页页脚显示',
      siteIdCode: '全国政府网站信息报送系统赋予的 10 位标识码，如 6100000035',
      icpNumber: '如 陕ICP备05004987号 或 陕ICP备05004987号-1',
      publicSecurityNumber: '如 陕公网安备 61010402000123号',
      replyWorkingDays:
        '不填则用全省默认（咨询 5 个工作日，投诉、建议 15 个工作日），如 {"consultation": 3}；本站只能更快：咨询最长 5 个、其他类最长 15 个工作日（国家规定），个别留言需更多时间的申请延期',
    },
    list: ['name', 'code', 'level', 'parent', 'responsiblePerson'],
  },
  'api::citizen-message.citizen-message': {
    labels: {
      ...SYSTEM_LABELS,
      caseNumber: '留言编号',
      site: '所属站点',
      category: '类别',
      originalCategory: '留言人所选类别',
      subject: '标题',
      body: '留言内容',
      status: '办理状态',
      receivedAt: '收到时间',
      dueAt: '答复期限',
      reply: '答复内容',
      repliedBy: '答复人',
      repliedAt: '答复时间',
      replyingUnit: '答复单位',
      workingDaysToReply: '答复用时（工作日）',
      repliedOnTime: '按期答复',
      holderRepliedOnTime: '按本站期限按期答复',
      reopenedAt: '重新办理时间',
      spotCheck: '抽查结果',
      overdueNotifiedAt: '超期提醒时间',
      invalidation: '不予受理确认',
      replyFlagged: '套话答复',
      replyRevisedAt: '答复修改时间',
      isPublic: '公开',
      satisfaction: '满意度',
      pendingExtension: '待审批的延期申请',
      revision: '办理记录版本',
    },
    descriptions: {
      isPublic: '公开后，留言和答复显示在网站的留言公开栏目（留言人姓名隐去）',
      originalCategory: '办理人员更正类别时保留的留言人原选类别',
    },
    // The citizen's name, contact, IP and query code are not in the Content Manager at all
    // (`visible: false`): staff read the contact on the case page of 留言办理, audited.
    // 办理状态 is shown by the plugin's admin from the message's own status (Strapi's list puts
    // its draft/publish status in a field named `status`).
    list: ['caseNumber', 'subject', 'site', 'category', 'status', 'receivedAt', 'dueAt'],
    // Bookkeeping of the handling flow (留言办理), not for editing by hand. Strapi's edit view
    // never receives a field named `status` of a type without draft/publish (it takes the name
    // for its own document status), so its input would stay empty: the 办理状态 panel shows it.
    hiddenInEditView: ['revision', 'pendingExtension', 'status'],
    // What the citizen wrote is evidence, and the handling record changes only through 留言办理:
    // the server refuses both, so the form shows them as text; 公开 stays the site's to set.
    readOnlyInEditView: [
      'caseNumber',
      'site',
      'category',
      'originalCategory',
      'subject',
      'body',
      'status',
      'receivedAt',
      'dueAt',
      'reply',
      'replyingUnit',
      'repliedBy',
      'repliedAt',
      'workingDaysToReply',
      'repliedOnTime',
      'holderRepliedOnTime',
      'satisfaction',
      'reopenedAt',
      'spotCheck',
      'overdueNotifiedAt',
      'invalidation',
      'replyFlagged',
      'replyRevisedAt',
    ],
  },
};

interface FieldMetadata {
  edit?: { label?: string; description?: string; editable?: boolean };
  list?: { label?: string };
}
type EditLayout = Array<Array<{ name: string; size: number }>>;

/** The part of a type's Content Manager configuration this table sets. */
export interface ViewConfiguration {
  settings?: { mainField?: string; defaultSortBy?: string; defaultSortOrder?: string };
  metadatas: Record<string, FieldMetadata>;
  layouts: { list: string[]; edit: EditLayout };
}

/** What this table set last time, per type: the merge's common ancestor. */
export interface AppliedView {
  labels: Record<string, string>;
  descriptions: Record<string, string>;
  list: string[];
  hiddenInEditView: string[];
  readOnlyInEditView: string[];
  /** Absent before the table set a sort. */
  sort?: ListSort;
  /** The type's fields then. */
  fields: string[];
}

/** Labels, field lists and what we stored: plain JSON, compared as such. */
const isEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Ours to change: it still holds Strapi's default, or what we set before (`previous`). */
const untouched = <T>(current: T, strapiDefault: T, previous: T | undefined) =>
  isEqual(current, strapiDefault) || (previous !== undefined && isEqual(current, previous));

/**
 * Sets `view` on a type's configuration where nobody changed what Strapi or we set before
 * (`applied`, absent on a fresh database or before this merge existed). Changes `configuration`
 * in place and returns what it now holds of ours, for the next boot.
 */
export const mergeView = (
  configuration: ViewConfiguration,
  view: ContentManagerView,
  applied: AppliedView | undefined
): AppliedView => {
  const { metadatas, layouts } = configuration;
  // What we set on a field last time; nothing for a field Strapi has (re)created since (a new
  // attribute gets Strapi's defaults, as on a fresh database).
  const known = new Set(applied?.fields ?? []);
  const prior = (field: string) => (known.has(field) ? applied : undefined);

  for (const [field, label] of Object.entries(view.labels)) {
    const meta = metadatas[field];
    if (!meta) continue; // not a field of this type on this Strapi (publishedAt without draft/publish)
    // Strapi's default label is the attribute name.
    const previous = prior(field)?.labels[field];
    if (meta.edit && untouched(meta.edit.label, field, previous)) meta.edit.label = label;
    if (meta.list && untouched(meta.list.label, field, previous)) meta.list.label = label;
  }
  for (const [field, description] of Object.entries(view.descriptions ?? {})) {
    const edit = metadatas[field]?.edit;
    if (edit && untouched(edit.description ?? '', '', prior(field)?.descriptions[field]))
      edit.description = description;
  }

  const readOnly = new Set(view.readOnlyInEditView ?? []);
  for (const [field, meta] of Object.entries(metadatas)) {
    if (!meta.edit) continue;
    const wasReadOnly = prior(field)?.readOnlyInEditView.includes(field) ?? false;
    // Made read-only by us and made editable again by someone: theirs.
    if (readOnly.has(field) && !(wasReadOnly && meta.edit.editable !== false))
      meta.edit.editable = false;
    // No longer read-only here: editable again, unless someone else made it read-only.
    if (!readOnly.has(field) && wasReadOnly && meta.edit.editable === false)
      meta.edit.editable = true;
  }

  // Hidden once; someone who puts a field back in "Configure the view" keeps it there.
  const hide = new Set(
    (view.hiddenInEditView ?? []).filter((field) => !prior(field)?.hiddenInEditView.includes(field))
  );
  layouts.edit = layouts.edit
    .map((row) => row.filter((field) => !hide.has(field.name)))
    .filter((row) => row.length > 0);

  // The columns as a whole: the first time, or while they are still the ones we set.
  const listable = view.list.filter((field) => field in metadatas);
  if (!applied || isEqual(layouts.list, applied.list)) layouts.list = listable;

  // The default order, while it is Strapi's (its main field, A to Z) or the one we set.
  const { settings } = configuration;
  if (view.sort && settings && view.sort.by in metadatas) {
    const current = { by: settings.defaultSortBy, order: settings.defaultSortOrder };
    if (untouched(current, { by: settings.mainField, order: 'ASC' }, applied?.sort)) {
      settings.defaultSortBy = view.sort.by;
      settings.defaultSortOrder = view.sort.order;
    }
  }

  return {
    labels: view.labels,
    descriptions: view.descriptions ?? {},
    list: listable,
    hiddenInEditView: view.hiddenInEditView ?? [],
    readOnlyInEditView: view.readOnlyInEditView ?? [],
    ...(view.sort ? { sort: view.sort } : {}),
    fields: Object.keys(metadatas),
  };
};

/** The content manager's service for a type's (or component's) view settings, as far as this file uses it. */
interface ViewsService {
  findConfiguration(contentType: { uid: string }): Promise<ViewConfiguration>;
  updateConfiguration(
    contentType: { uid: string },
    configuration: ViewConfiguration
  ): Promise<unknown>;
}

interface StoredViews {
  applied?: Record<string, AppliedView>;
}

/** Runs after the content manager's own sync (its bootstrap), at every boot. */
export const applyContentManagerViews = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'governance', key: 'content-manager-views' });
  const stored = ((await store.get({})) ?? {}) as StoredViews;
  const applied: Record<string, AppliedView> = {};

  for (const [uid, view] of Object.entries(VIEWS)) {
    // Components (`category.name`) keep their views in a service of their own, alike.
    const views: ViewsService = strapi
      .plugin('content-manager')
      .service(uid.includes('::') ? 'content-types' : 'components');
    const configuration = await views.findConfiguration({ uid });
    const before = JSON.stringify(configuration);
    applied[uid] = mergeView(configuration, view, stored.applied?.[uid]);
    if (JSON.stringify(configuration) !== before)
      await views.updateConfiguration({ uid }, configuration);
  }
  if (!isEqual(stored.applied, applied)) await store.set({ value: { applied } });
};
