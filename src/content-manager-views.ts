import type { Core } from '@strapi/strapi';

/**
 * Chinese field labels and useful list columns for the Content Manager. Strapi labels fields
 * with their attribute names ("title", "firstPublishedAt") and lists the first few fields.
 * Applied once per VERSION, so what the province later changes in "Configure the view" stays.
 */
const VERSION = 7;

const VIEWS: Record<
  string,
  {
    labels: Record<string, string>;
    list: string[];
    hiddenInEditView?: string[];
    readOnlyInEditView?: string[];
  }
> = {
  'api::article.article': {
    labels: {
      title: '标题',
      slug: '链接别名',
      summary: '摘要',
      body: '正文',
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
    // The review side panel shows the state, with its history and actions; the 信息报送 panel
    // names an adopted article's source.
    hiddenInEditView: [
      'reviewStatus',
      'sourceSiteName',
      'sourceSiteCode',
      'sourceArticleDocumentId',
      'sourceSubmitterName',
    ],
    list: ['id', 'title', 'site', 'column', 'firstPublishedAt'],
  },
  'api::site.site': {
    labels: {
      name: '站点名称',
      code: '站点代码',
      level: '级别',
      parent: '上级站点',
      children: '下级站点',
      url: '网址',
      sortOrder: '排序',
      active: '启用',
      responsiblePerson: '网站负责人',
      responsiblePhone: '负责人电话',
      replyWorkingDays: '本站答复期限（工作日，按类别）',
    },
    list: ['id', 'name', 'code', 'level', 'responsiblePerson'],
  },
  'api::citizen-message.citizen-message': {
    labels: {
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
      reopenedAt: '重新办理时间',
      spotCheck: '抽查结果',
      overdueNotifiedAt: '超期提醒时间',
      isPublic: '公开',
      satisfaction: '满意度',
    },
    // The citizen's name, contact, IP and query code are not in the Content Manager at all
    // (`visible: false`): staff read the contact on the case page of 留言办理, audited.
    list: ['caseNumber', 'subject', 'site', 'category', 'status', 'receivedAt'],
    // Bookkeeping of the handling flow (留言办理), not for editing by hand.
    hiddenInEditView: ['revision', 'pendingExtension'],
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
      'satisfaction',
      'reopenedAt',
      'spotCheck',
      'overdueNotifiedAt',
    ],
  },
};

type Metadatas = Record<
  string,
  { edit?: { label?: string; editable?: boolean }; list?: { label?: string } }
>;
type EditLayout = Array<Array<{ name: string; size: number }>>;

export const applyContentManagerViews = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'governance', key: 'content-manager-views' });
  if (((await store.get({})) as { version?: number } | null)?.version === VERSION) return;

  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, view] of Object.entries(VIEWS)) {
    const { settings, metadatas, layouts } = await contentTypes.findConfiguration({ uid });
    for (const [field, label] of Object.entries(view.labels)) {
      const meta = (metadatas as Metadatas)[field];
      if (meta?.edit) meta.edit.label = label;
      if (meta?.list) meta.list.label = label;
    }
    for (const field of view.readOnlyInEditView ?? []) {
      const meta = (metadatas as Metadatas)[field];
      if (meta?.edit) meta.edit.editable = false;
    }
    const hidden = new Set(view.hiddenInEditView ?? []);
    const edit = (layouts.edit as EditLayout)
      .map((row) => row.filter((field) => !hidden.has(field.name)))
      .filter((row) => row.length > 0);
    await contentTypes.updateConfiguration(
      { uid },
      { settings, metadatas, layouts: { ...layouts, edit, list: view.list } }
    );
  }
  await store.set({ value: { version: VERSION } });
};
