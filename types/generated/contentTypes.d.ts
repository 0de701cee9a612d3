import type { Schema, Struct } from '@strapi/strapi';

export interface AdminApiToken extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_api_tokens';
  info: {
    description: '';
    displayName: 'Api Token';
    name: 'Api Token';
    pluralName: 'api-tokens';
    singularName: 'api-token';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    accessKey: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    adminPermissions: Schema.Attribute.Relation<'oneToMany', 'admin::permission'>;
    adminUserOwner: Schema.Attribute.Relation<'manyToOne', 'admin::user'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    description: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }> &
      Schema.Attribute.DefaultTo<''>;
    encryptedKey: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    expiresAt: Schema.Attribute.DateTime;
    kind: Schema.Attribute.Enumeration<['content-api', 'admin']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'content-api'>;
    lastUsedAt: Schema.Attribute.DateTime;
    lifespan: Schema.Attribute.BigInteger;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::api-token'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    permissions: Schema.Attribute.Relation<'oneToMany', 'admin::api-token-permission'>;
    publishedAt: Schema.Attribute.DateTime;
    type: Schema.Attribute.Enumeration<['read-only', 'full-access', 'custom']> &
      Schema.Attribute.DefaultTo<'read-only'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface AdminApiTokenPermission extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_api_token_permissions';
  info: {
    description: '';
    displayName: 'API Token Permission';
    name: 'API Token Permission';
    pluralName: 'api-token-permissions';
    singularName: 'api-token-permission';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    action: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::api-token-permission'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    token: Schema.Attribute.Relation<'manyToOne', 'admin::api-token'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface AdminPermission extends Struct.CollectionTypeSchema {
  collectionName: 'admin_permissions';
  info: {
    description: '';
    displayName: 'Permission';
    name: 'Permission';
    pluralName: 'permissions';
    singularName: 'permission';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    action: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    actionParameters: Schema.Attribute.JSON & Schema.Attribute.DefaultTo<{}>;
    apiToken: Schema.Attribute.Relation<'manyToOne', 'admin::api-token'>;
    conditions: Schema.Attribute.JSON & Schema.Attribute.DefaultTo<[]>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::permission'> &
      Schema.Attribute.Private;
    properties: Schema.Attribute.JSON & Schema.Attribute.DefaultTo<{}>;
    publishedAt: Schema.Attribute.DateTime;
    role: Schema.Attribute.Relation<'manyToOne', 'admin::role'>;
    subject: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface AdminRole extends Struct.CollectionTypeSchema {
  collectionName: 'admin_roles';
  info: {
    description: '';
    displayName: 'Role';
    name: 'Role';
    pluralName: 'roles';
    singularName: 'role';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    code: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    description: Schema.Attribute.String;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::role'> & Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    permissions: Schema.Attribute.Relation<'oneToMany', 'admin::permission'>;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    users: Schema.Attribute.Relation<'manyToMany', 'admin::user'>;
  };
}

export interface AdminSession extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_sessions';
  info: {
    description: 'Session Manager storage';
    displayName: 'Session';
    name: 'Session';
    pluralName: 'sessions';
    singularName: 'session';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    absoluteExpiresAt: Schema.Attribute.DateTime & Schema.Attribute.Private;
    childId: Schema.Attribute.String & Schema.Attribute.Private;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    deviceId: Schema.Attribute.String & Schema.Attribute.Required & Schema.Attribute.Private;
    expiresAt: Schema.Attribute.DateTime & Schema.Attribute.Required & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::session'> &
      Schema.Attribute.Private;
    metadata: Schema.Attribute.JSON & Schema.Attribute.Private;
    origin: Schema.Attribute.String & Schema.Attribute.Required & Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    sessionId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Private &
      Schema.Attribute.Unique;
    status: Schema.Attribute.String & Schema.Attribute.Private;
    type: Schema.Attribute.String & Schema.Attribute.Private;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    userId: Schema.Attribute.String & Schema.Attribute.Required & Schema.Attribute.Private;
  };
}

export interface AdminTransferToken extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_transfer_tokens';
  info: {
    description: '';
    displayName: 'Transfer Token';
    name: 'Transfer Token';
    pluralName: 'transfer-tokens';
    singularName: 'transfer-token';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    accessKey: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    description: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }> &
      Schema.Attribute.DefaultTo<''>;
    expiresAt: Schema.Attribute.DateTime;
    lastUsedAt: Schema.Attribute.DateTime;
    lifespan: Schema.Attribute.BigInteger;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::transfer-token'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    permissions: Schema.Attribute.Relation<'oneToMany', 'admin::transfer-token-permission'>;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface AdminTransferTokenPermission extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_transfer_token_permissions';
  info: {
    description: '';
    displayName: 'Transfer Token Permission';
    name: 'Transfer Token Permission';
    pluralName: 'transfer-token-permissions';
    singularName: 'transfer-token-permission';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    action: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::transfer-token-permission'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    token: Schema.Attribute.Relation<'manyToOne', 'admin::transfer-token'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface AdminUser extends Struct.CollectionTypeSchema {
  collectionName: 'admin_users';
  info: {
    description: '';
    displayName: 'User';
    name: 'User';
    pluralName: 'users';
    singularName: 'user';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    apiTokens: Schema.Attribute.Relation<'oneToMany', 'admin::api-token'> &
      Schema.Attribute.Private;
    blocked: Schema.Attribute.Boolean &
      Schema.Attribute.Private &
      Schema.Attribute.DefaultTo<false>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    email: Schema.Attribute.Email &
      Schema.Attribute.Required &
      Schema.Attribute.Private &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 6;
      }>;
    firstname: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    isActive: Schema.Attribute.Boolean &
      Schema.Attribute.Private &
      Schema.Attribute.DefaultTo<false>;
    lastname: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::user'> & Schema.Attribute.Private;
    password: Schema.Attribute.Password &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 6;
      }>;
    preferedLanguage: Schema.Attribute.String;
    publishedAt: Schema.Attribute.DateTime;
    registrationToken: Schema.Attribute.String & Schema.Attribute.Private;
    resetPasswordToken: Schema.Attribute.String & Schema.Attribute.Private;
    resetPasswordTokenExpiresAt: Schema.Attribute.DateTime & Schema.Attribute.Private;
    roles: Schema.Attribute.Relation<'manyToMany', 'admin::role'> & Schema.Attribute.Private;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    username: Schema.Attribute.String;
  };
}

export interface ApiArticleArticle extends Struct.CollectionTypeSchema {
  collectionName: 'articles';
  info: {
    description: 'An article of one site; published only after review';
    displayName: '\u6587\u7AE0';
    pluralName: 'articles';
    singularName: 'article';
  };
  options: {
    draftAndPublish: true;
  };
  attributes: {
    attachments: Schema.Attribute.Component<'article.attachment', true>;
    body: Schema.Attribute.Blocks;
    column: Schema.Attribute.String & Schema.Attribute.CustomField<'plugin::governance.column'>;
    countExclusion: Schema.Attribute.Enumeration<['trivial', 'duplicate']> &
      Schema.Attribute.Private;
    countJudgedAt: Schema.Attribute.DateTime & Schema.Attribute.Private;
    cover: Schema.Attribute.Media<'images'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    duplicateDistance: Schema.Attribute.Integer & Schema.Attribute.Private;
    duplicateOf: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    firstPublishedAt: Schema.Attribute.DateTime;
    isSpecialTopic: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'api::article.article'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    reviewStatus: Schema.Attribute.Enumeration<
      ['draft', 'submitted', 'in_review', 'approved', 'rejected', 'withdrawn']
    > &
      Schema.Attribute.DefaultTo<'draft'>;
    simBand0: Schema.Attribute.Integer & Schema.Attribute.Private;
    simBand1: Schema.Attribute.Integer & Schema.Attribute.Private;
    simBand2: Schema.Attribute.Integer & Schema.Attribute.Private;
    simBand3: Schema.Attribute.Integer & Schema.Attribute.Private;
    simhash: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 16;
      }>;
    site: Schema.Attribute.Relation<'manyToOne', 'api::site.site'>;
    siteKey: Schema.Attribute.Integer & Schema.Attribute.Private;
    slug: Schema.Attribute.UID &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    sourceArticleDocumentId: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    sourceSiteCode: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    sourceSiteName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    sourceSubmitterName: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    summary: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    textOnlineHash: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 16;
      }>;
    textOnlineSince: Schema.Attribute.DateTime & Schema.Attribute.Private;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface ApiCitizenMessageCitizenMessage extends Struct.CollectionTypeSchema {
  collectionName: 'citizen_messages';
  info: {
    description: 'A message a citizen addressed to one site, and its reply';
    displayName: '\u7F51\u6C11\u7559\u8A00';
    pluralName: 'citizen-messages';
    singularName: 'citizen-message';
  };
  options: {
    draftAndPublish: false;
  };
  attributes: {
    body: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 5000;
      }>;
    caseNumber: Schema.Attribute.String &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 32;
      }>;
    category: Schema.Attribute.Enumeration<['consultation', 'complaint', 'suggestion', 'other']> &
      Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    dueAt: Schema.Attribute.DateTime;
    email: Schema.Attribute.Email &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    holderRepliedOnTime: Schema.Attribute.Boolean & Schema.Attribute.Private;
    invalidation: Schema.Attribute.Enumeration<['pending', 'confirmed']> & Schema.Attribute.Private;
    ipAddress: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 45;
      }>;
    isPublic: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'api::citizen-message.citizen-message'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 50;
      }>;
    originalCategory: Schema.Attribute.Enumeration<
      ['consultation', 'complaint', 'suggestion', 'other']
    > &
      Schema.Attribute.Private;
    overdueNotifiedAt: Schema.Attribute.DateTime & Schema.Attribute.Private;
    pendingExtension: Schema.Attribute.JSON & Schema.Attribute.Private;
    phone: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 30;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    queryCode: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Private &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 32;
      }>;
    receivedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    reopenedAt: Schema.Attribute.DateTime & Schema.Attribute.Private;
    repliedAt: Schema.Attribute.DateTime;
    repliedBy: Schema.Attribute.Relation<'manyToOne', 'admin::user'> & Schema.Attribute.Private;
    repliedOnTime: Schema.Attribute.Boolean & Schema.Attribute.Private;
    reply: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 10000;
      }>;
    replyFlagged: Schema.Attribute.Boolean &
      Schema.Attribute.Private &
      Schema.Attribute.DefaultTo<false>;
    replyingUnit: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    replyRevisedAt: Schema.Attribute.DateTime & Schema.Attribute.Private;
    revision: Schema.Attribute.Integer & Schema.Attribute.Private & Schema.Attribute.DefaultTo<0>;
    satisfaction: Schema.Attribute.Enumeration<['satisfied', 'neutral', 'unsatisfied']>;
    site: Schema.Attribute.Relation<'manyToOne', 'api::site.site'>;
    siteKey: Schema.Attribute.Integer & Schema.Attribute.Private;
    spotCheck: Schema.Attribute.Enumeration<['standard', 'substandard']> & Schema.Attribute.Private;
    status: Schema.Attribute.Enumeration<
      ['received', 'accepted', 'replied', 'closed', 'transferred', 'rejected']
    > &
      Schema.Attribute.DefaultTo<'received'>;
    subject: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    workingDaysToReply: Schema.Attribute.Integer & Schema.Attribute.Private;
  };
}

export interface ApiSiteSite extends Struct.CollectionTypeSchema {
  collectionName: 'sites';
  info: {
    description: 'One site of the website group: the provincial portal, a department unit, a city or a county bureau';
    displayName: '\u7AD9\u70B9';
    pluralName: 'sites';
    singularName: 'site';
  };
  options: {
    draftAndPublish: false;
  };
  attributes: {
    active: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<true>;
    children: Schema.Attribute.Relation<'oneToMany', 'api::site.site'>;
    code: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
        minLength: 2;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    icpNumber: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    level: Schema.Attribute.Enumeration<['portal', 'department', 'city', 'county']> &
      Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'api::site.site'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    parent: Schema.Attribute.Relation<'manyToOne', 'api::site.site'>;
    publicSecurityNumber: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    replyWorkingDays: Schema.Attribute.JSON;
    responsiblePerson: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 50;
      }>;
    responsiblePhone: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 30;
      }>;
    siteIdCode: Schema.Attribute.String &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 10;
      }>;
    siteType: Schema.Attribute.Enumeration<['governmentPortal', 'departmentSite', 'specialSite']>;
    sortOrder: Schema.Attribute.Integer & Schema.Attribute.DefaultTo<0>;
    sponsor: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    url: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    visitDomains: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 6000;
      }>;
  };
}

export interface PluginContentReleasesRelease extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_releases';
  info: {
    displayName: 'Release';
    pluralName: 'releases';
    singularName: 'release';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    actions: Schema.Attribute.Relation<'oneToMany', 'plugin::content-releases.release-action'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::content-releases.release'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    releasedAt: Schema.Attribute.DateTime;
    scheduledAt: Schema.Attribute.DateTime;
    status: Schema.Attribute.Enumeration<['ready', 'blocked', 'failed', 'done', 'empty']> &
      Schema.Attribute.Required;
    timezone: Schema.Attribute.String;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginContentReleasesReleaseAction extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_release_actions';
  info: {
    displayName: 'Release Action';
    pluralName: 'release-actions';
    singularName: 'release-action';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    contentType: Schema.Attribute.String & Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    entryDocumentId: Schema.Attribute.String;
    isEntryValid: Schema.Attribute.Boolean;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::content-releases.release-action'
    > &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    release: Schema.Attribute.Relation<'manyToOne', 'plugin::content-releases.release'>;
    type: Schema.Attribute.Enumeration<['publish', 'unpublish']> & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceArticleBlock extends Struct.CollectionTypeSchema {
  collectionName: 'governance_article_blocks';
  info: {
    description: "Kept figures: the article documents (their draft rows) in one block of row ids; their sum is the Content Manager's unfiltered article total (figures/documents.ts)";
    displayName: '\u6587\u7AE0\u6570\uFF08\u7F16\u53F7\u6BB5\uFF09';
    pluralName: 'article-blocks';
    singularName: 'article-block';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    block: Schema.Attribute.Integer & Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    drafts: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.DefaultTo<0>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.article-block'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceArticleLink extends Struct.CollectionTypeSchema {
  collectionName: 'governance_article_links';
  info: {
    description: 'What one published article links to: one row per article and address (a link of its body, or an image), as the content inspection last read it';
    displayName: '\u6587\u7AE0\u94FE\u63A5';
    pluralName: 'article-links';
    singularName: 'article-link';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    articleDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    kind: Schema.Attribute.Enumeration<['link', 'image']> & Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.article-link'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    siteId: Schema.Attribute.Integer;
    text: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    url: Schema.Attribute.Text & Schema.Attribute.Required;
    urlHash: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
  };
}

export interface PluginGovernanceAuditEntry extends Struct.CollectionTypeSchema {
  collectionName: 'governance_audit_entries';
  info: {
    description: "Append-only: who did what, when, from where; each entry's keyed hash (HMAC, AUDIT_KEY) covers the previous one's, so a changed or removed entry shows";
    displayName: '\u64CD\u4F5C\u65E5\u5FD7';
    pluralName: 'audit-entries';
    singularName: 'audit-entry';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    action: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    actorId: Schema.Attribute.Integer;
    actorName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    at: Schema.Attribute.DateTime & Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    details: Schema.Attribute.JSON;
    hash: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    ip: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 45;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.audit-entry'> &
      Schema.Attribute.Private;
    prevHash: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    seq: Schema.Attribute.Integer & Schema.Attribute.Required;
    subject: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    summary: Schema.Attribute.Text;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceAuditHead extends Struct.CollectionTypeSchema {
  collectionName: 'governance_audit_heads';
  info: {
    description: "The last entry's number and hash: appends lock this row, so the chain never forks; the anchor left by a purge; the first entry hashed with AUDIT_KEY";
    displayName: '\u64CD\u4F5C\u65E5\u5FD7\u94FE\u5934';
    pluralName: 'audit-heads';
    singularName: 'audit-head';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    anchorHash: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    anchorSeq: Schema.Attribute.Integer;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    hash: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    keyedFrom: Schema.Attribute.Integer;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.audit-head'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    seq: Schema.Attribute.Integer & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceColumnChange extends Struct.CollectionTypeSchema {
  collectionName: 'governance_column_changes';
  info: {
    description: "A change of a site's columns (add, change, retire): made by the province, or proposed by the site's leader and approved or refused by the province, with the column's standing when it was decided";
    displayName: '\u680F\u76EE\u53D8\u66F4';
    pluralName: 'column-changes';
    singularName: 'column-change';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    action: Schema.Attribute.Enumeration<['add', 'change', 'retire']> & Schema.Attribute.Required;
    before: Schema.Attribute.JSON;
    columnId: Schema.Attribute.Integer;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    decidedAt: Schema.Attribute.DateTime;
    decidedById: Schema.Attribute.Integer;
    decidedByName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    decisionReason: Schema.Attribute.Text;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.column-change'> &
      Schema.Attribute.Private;
    proposal: Schema.Attribute.JSON;
    proposedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    proposedById: Schema.Attribute.Integer;
    proposedByName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    reason: Schema.Attribute.Text;
    siteDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    standing: Schema.Attribute.JSON;
    status: Schema.Attribute.Enumeration<['pending', 'applied', 'refused']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'pending'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceHolidayYear extends Struct.CollectionTypeSchema {
  collectionName: 'governance_holiday_years';
  info: {
    description: "A year's official holidays and \u8C03\u4F11 working days as the province entered them (from the State Council's notice); overrides chinese-days for that year";
    displayName: '\u8282\u5047\u65E5\u5B89\u6392';
    pluralName: 'holiday-years';
    singularName: 'holiday-year';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    holidays: Schema.Attribute.JSON & Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.holiday-year'> &
      Schema.Attribute.Private;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    recalculation: Schema.Attribute.JSON;
    revision: Schema.Attribute.Integer & Schema.Attribute.DefaultTo<0>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    updatedByName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    year: Schema.Attribute.Integer & Schema.Attribute.Required;
  };
}

export interface PluginGovernanceInspectedArticle extends Struct.CollectionTypeSchema {
  collectionName: 'governance_inspected_articles';
  info: {
    description: 'What the content inspection last checked of one published article (its published row), and against which lists';
    displayName: '\u5DE1\u68C0\u8BB0\u5F55';
    pluralName: 'inspected-articles';
    singularName: 'inspected-article';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    articleDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    articleId: Schema.Attribute.Integer;
    checkedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    listVersion: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.inspected-article'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    siteId: Schema.Attribute.Integer;
    textHash: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceInspectionFinding extends Struct.CollectionTypeSchema {
  collectionName: 'governance_inspection_findings';
  info: {
    description: 'A fault the content inspection found in a published article or its attachments';
    displayName: '\u5DE1\u68C0\u53D1\u73B0';
    pluralName: 'inspection-findings';
    singularName: 'inspection-finding';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    articleDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    context: Schema.Attribute.Text;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    dismissedAt: Schema.Attribute.DateTime;
    dismissedById: Schema.Attribute.Integer;
    dismissedByName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    dismissReason: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    field: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    file: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    fingerprint: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    firstFoundAt: Schema.Attribute.DateTime;
    found: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    kind: Schema.Attribute.Enumeration<
      ['word', 'wording', 'personalData', 'unread', 'externalLink', 'deniedLink', 'brokenLink']
    > &
      Schema.Attribute.Required;
    lastFoundAt: Schema.Attribute.DateTime;
    level: Schema.Attribute.Enumeration<['forbidden', 'check']> & Schema.Attribute.Required;
    listVersion: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.inspection-finding'> &
      Schema.Attribute.Private;
    position: Schema.Attribute.Integer;
    publishedAt: Schema.Attribute.DateTime;
    siteId: Schema.Attribute.Integer;
    state: Schema.Attribute.Enumeration<['open', 'dismissed', 'gone']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'open'>;
    suggestion: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    title: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    word: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
  };
}

export interface PluginGovernanceInspectionNotice extends Struct.CollectionTypeSchema {
  collectionName: 'governance_inspection_notices';
  info: {
    description: 'An inspection notice (\u901A\u62A5) generated for a period and carried by a portal article; the sites it names get rectification tasks when the article is published';
    displayName: '\u76D1\u6D4B\u901A\u62A5';
    pluralName: 'inspection-notices';
    singularName: 'inspection-notice';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    articleDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    deadline: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 10;
      }>;
    issuedById: Schema.Attribute.Integer;
    issuedByName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.inspection-notice'> &
      Schema.Attribute.Private;
    named: Schema.Attribute.JSON & Schema.Attribute.Required;
    noticePublishedAt: Schema.Attribute.DateTime;
    periodFrom: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 10;
      }>;
    periodTo: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 10;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceInspectionRun extends Struct.CollectionTypeSchema {
  collectionName: 'governance_inspection_runs';
  info: {
    description: 'One walk of the content inspection over the published articles: where it is, resumed after a restart';
    displayName: '\u5DE1\u68C0\u4EFB\u52A1';
    pluralName: 'inspection-runs';
    singularName: 'inspection-run';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    checked: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.DefaultTo<0>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    cursor: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.DefaultTo<0>;
    finishedAt: Schema.Attribute.DateTime;
    found: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.DefaultTo<0>;
    lastId: Schema.Attribute.Integer;
    linkCursor: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<0>;
    linksBroken: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<0>;
    linksChecked: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<0>;
    listVersion: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.inspection-run'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    read: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.DefaultTo<0>;
    requestedByName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    siteId: Schema.Attribute.Integer;
    startedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    trigger: Schema.Attribute.Enumeration<['schedule', 'manual']> & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceJobLease extends Struct.CollectionTypeSchema {
  collectionName: 'governance_job_leases';
  info: {
    description: 'Which instance runs a scheduled job now, and how its last run ended: every instance runs every cron job, one lease row lets one of them work';
    displayName: '\u5B9A\u65F6\u4EFB\u52A1\u79DF\u7EA6';
    pluralName: 'job-leases';
    singularName: 'job-lease';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    expiresAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    finishedAt: Schema.Attribute.DateTime;
    finishedBy: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    holder: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    lastOutcome: Schema.Attribute.Text;
    lastRunAt: Schema.Attribute.DateTime;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.job-lease'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceLinkHostRule extends Struct.CollectionTypeSchema {
  collectionName: 'governance_link_host_rules';
  info: {
    description: 'A host outside the group that articles may link to (allow), or must not (deny), kept by the province';
    displayName: '\u5916\u94FE\u540D\u5355';
    pluralName: 'link-host-rules';
    singularName: 'link-host-rule';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    host: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 253;
      }>;
    list: Schema.Attribute.Enumeration<['allow', 'deny']> & Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.link-host-rule'> &
      Schema.Attribute.Private;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceLinkState extends Struct.CollectionTypeSchema {
  collectionName: 'governance_link_states';
  info: {
    description: 'Whether one address published articles link to opens (\u94FE\u63A5\u53EF\u7528\u6027): its last check, and since when it fails';
    displayName: '\u94FE\u63A5\u72B6\u6001';
    pluralName: 'link-states';
    singularName: 'link-state';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    checkedAt: Schema.Attribute.DateTime;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    failure: Schema.Attribute.Enumeration<
      [
        'http',
        'timeout',
        'dns',
        'refused',
        'tls',
        'redirects',
        'network',
        'missingFile',
        'missingArticle',
      ]
    >;
    finalUrl: Schema.Attribute.Text;
    firstFailedAt: Schema.Attribute.DateTime;
    health: Schema.Attribute.Enumeration<['ok', 'failing', 'broken']>;
    host: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    internal: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.link-state'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    redirects: Schema.Attribute.JSON;
    status: Schema.Attribute.Integer;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    url: Schema.Attribute.Text & Schema.Attribute.Required;
    urlHash: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
  };
}

export interface PluginGovernanceMessageDay extends Struct.CollectionTypeSchema {
  collectionName: 'governance_message_days';
  info: {
    description: 'Kept figures: messages received on one local day by one site (their current site), how many are answered substantively, how many have a reply';
    displayName: '\u7559\u8A00\u6570\uFF08\u7AD9\u70B9\u00B7\u65E5\uFF09';
    pluralName: 'message-days';
    singularName: 'message-day';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    answered: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.DefaultTo<0>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    day: Schema.Attribute.Date & Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.message-day'> &
      Schema.Attribute.Private;
    messages: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.DefaultTo<0>;
    publishedAt: Schema.Attribute.DateTime;
    replied: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.DefaultTo<0>;
    siteId: Schema.Attribute.Integer & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceMessageEntry extends Struct.CollectionTypeSchema {
  collectionName: 'governance_message_entries';
  info: {
    description: 'What one citizen message adds to the kept message figures (figures/messages.ts): its site, local day of receipt, whether it is answered';
    displayName: '\u7559\u8A00\u8BA1\u6570\u767B\u8BB0\uFF08\u6BCF\u6761\u7559\u8A00\uFF09';
    pluralName: 'message-entries';
    singularName: 'message-entry';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    answered: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<false>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    day: Schema.Attribute.Date & Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.message-entry'> &
      Schema.Attribute.Private;
    messageId: Schema.Attribute.Integer & Schema.Attribute.Required;
    month: Schema.Attribute.Date & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    replied: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<false>;
    siteId: Schema.Attribute.Integer & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceMessageEvent extends Struct.CollectionTypeSchema {
  collectionName: 'governance_message_events';
  info: {
    description: 'One act in handling a citizen message: who, when, what (\u7B7E\u6536, \u7B54\u590D, \u8F6C\u529E, \u5EF6\u671F, \u4E0D\u4E88\u53D7\u7406, \u529E\u7ED3, \u66F4\u6B63\u7C7B\u522B, \u8BC4\u4EF7, \u91CD\u65B0\u529E\u7406, \u62BD\u67E5, \u8D85\u671F\u63D0\u9192)';
    displayName: '\u7559\u8A00\u529E\u7406\u8BB0\u5F55';
    pluralName: 'message-events';
    singularName: 'message-event';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    action: Schema.Attribute.Enumeration<
      [
        'sign',
        'reply',
        'editReply',
        'transfer',
        'requestExtension',
        'approveExtension',
        'refuseExtension',
        'markInvalid',
        'close',
        'correctCategory',
        'rate',
        'reopen',
        'spotCheck',
        'overdueNotice',
        'deadlineRecalculated',
        'makePublic',
        'makePrivate',
        'confirmInvalid',
        'overturnInvalid',
        'voidSpotCheck',
        'acceptTransfer',
        'refuseTransfer',
        'assign',
        'misassigned',
      ]
    > &
      Schema.Attribute.Required;
    actor: Schema.Attribute.Relation<'manyToOne', 'admin::user'>;
    actorName: Schema.Attribute.String;
    categoryAfter: Schema.Attribute.Enumeration<
      ['consultation', 'complaint', 'suggestion', 'other']
    >;
    categoryBefore: Schema.Attribute.Enumeration<
      ['consultation', 'complaint', 'suggestion', 'other']
    >;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    dueAtAfter: Schema.Attribute.DateTime;
    dueAtBefore: Schema.Attribute.DateTime;
    flags: Schema.Attribute.JSON;
    fromSite: Schema.Attribute.Relation<'manyToOne', 'api::site.site'>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.message-event'> &
      Schema.Attribute.Private;
    message: Schema.Attribute.Relation<'manyToOne', 'api::citizen-message.citizen-message'>;
    publishedAt: Schema.Attribute.DateTime;
    satisfaction: Schema.Attribute.Enumeration<['satisfied', 'neutral', 'unsatisfied']>;
    text: Schema.Attribute.Text;
    toSite: Schema.Attribute.Relation<'manyToOne', 'api::site.site'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    verdict: Schema.Attribute.Enumeration<['standard', 'substandard']>;
    workingDays: Schema.Attribute.Integer;
  };
}

export interface PluginGovernanceMessageHolding extends Struct.CollectionTypeSchema {
  collectionName: 'governance_message_holdings';
  info: {
    description: "One site's holding of a citizen message: from its receipt or acceptance until it is transferred, replied or refused; a transfer waiting for the receiving site's acceptance is a pending holding";
    displayName: '\u7559\u8A00\u6301\u6709\u8BB0\u5F55';
    pluralName: 'message-holdings';
    singularName: 'message-holding';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    dueAt: Schema.Attribute.DateTime;
    endedAt: Schema.Attribute.DateTime;
    endedBy: Schema.Attribute.Enumeration<
      ['transferred', 'refused', 'replied', 'invalid', 'cancelled']
    >;
    fromSiteId: Schema.Attribute.Integer;
    isReturn: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.message-holding'> &
      Schema.Attribute.Private;
    messageId: Schema.Attribute.Integer & Schema.Attribute.Required;
    messageReceivedAt: Schema.Attribute.DateTime;
    publishedAt: Schema.Attribute.DateTime;
    reason: Schema.Attribute.Text;
    requestedAt: Schema.Attribute.DateTime;
    siteId: Schema.Attribute.Integer & Schema.Attribute.Required;
    startedAt: Schema.Attribute.DateTime;
    state: Schema.Attribute.Enumeration<['pending', 'open', 'ended']> & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceMessageMonth extends Struct.CollectionTypeSchema {
  collectionName: 'governance_message_months';
  info: {
    description: 'Kept figures: the message-day figures summed per local month (month: its first day)';
    displayName: '\u7559\u8A00\u6570\uFF08\u7AD9\u70B9\u00B7\u6708\uFF09';
    pluralName: 'message-months';
    singularName: 'message-month';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    answered: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.DefaultTo<0>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.message-month'> &
      Schema.Attribute.Private;
    messages: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.DefaultTo<0>;
    month: Schema.Attribute.Date & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    replied: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.DefaultTo<0>;
    siteId: Schema.Attribute.Integer & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceOversightAlert extends Struct.CollectionTypeSchema {
  collectionName: 'governance_oversight_alerts';
  info: {
    description: "An alert: a site's rule came within the warning window or tripped (the daily job), or the content inspection found serious faults online (one per run, site and rule, naming the first and counting the rest); and who was told";
    displayName: '\u76D1\u6D4B\u9884\u8B66';
    pluralName: 'oversight-alerts';
    singularName: 'oversight-alert';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    daysLeft: Schema.Attribute.Integer;
    detail: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    emailed: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    findingId: Schema.Attribute.Integer;
    groupKey: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.oversight-alert'> &
      Schema.Attribute.Private;
    notified: Schema.Attribute.JSON;
    publishedAt: Schema.Attribute.DateTime;
    raisedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    rule: Schema.Attribute.Enumeration<
      [
        'homePage',
        'staleColumns',
        'longIdleColumns',
        'emptyColumns',
        'unansweredMessage',
        'seriousWording',
        'personalData',
      ]
    > &
      Schema.Attribute.Required;
    siteCode: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    siteDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    siteName: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    status: Schema.Attribute.Enumeration<['warning', 'tripped']> & Schema.Attribute.Required;
    threshold: Schema.Attribute.Integer;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    value: Schema.Attribute.Integer;
  };
}

export interface PluginGovernanceOversightRuleState extends Struct.CollectionTypeSchema {
  collectionName: 'governance_oversight_rule_states';
  info: {
    description: 'The last status the daily alert job saw for one rule of one site: an alert goes out only when it gets worse';
    displayName: '\u76D1\u6D4B\u89C4\u5219\u72B6\u6001';
    pluralName: 'oversight-rule-states';
    singularName: 'oversight-rule-state';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    key: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::governance.oversight-rule-state'
    > &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    rule: Schema.Attribute.Enumeration<
      ['homePage', 'staleColumns', 'longIdleColumns', 'emptyColumns', 'unansweredMessage']
    > &
      Schema.Attribute.Required;
    since: Schema.Attribute.DateTime & Schema.Attribute.Required;
    siteDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    status: Schema.Attribute.Enumeration<['ok', 'warning', 'tripped']> & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceOversightUrge extends Struct.CollectionTypeSchema {
  collectionName: 'governance_oversight_urges';
  info: {
    description: 'The province urged a site to act on its monitoring findings: who, when, with what note, and which leaders were told. At most one per site and local day (the unique key).';
    displayName: '\u76D1\u6D4B\u50AC\u529E';
    pluralName: 'oversight-urges';
    singularName: 'oversight-urge';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    emailed: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    key: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.oversight-urge'> &
      Schema.Attribute.Private;
    note: Schema.Attribute.Text;
    notified: Schema.Attribute.JSON;
    publishedAt: Schema.Attribute.DateTime;
    siteDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    siteName: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    urgedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    urgedBy: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    urgedById: Schema.Attribute.Integer;
  };
}

export interface PluginGovernancePasswordReminder extends Struct.CollectionTypeSchema {
  collectionName: 'governance_password_reminders';
  info: {
    description: 'One reminder per account, password and threshold: its unique key is claimed before the e-mail goes out';
    displayName: '\u5BC6\u7801\u5230\u671F\u63D0\u9192';
    pluralName: 'password-reminders';
    singularName: 'password-reminder';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    emailed: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    key: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.password-reminder'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    sentAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    threshold: Schema.Attribute.Integer & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    userId: Schema.Attribute.Integer & Schema.Attribute.Required;
  };
}

export interface PluginGovernancePasswordState extends Struct.CollectionTypeSchema {
  collectionName: 'governance_password_states';
  info: {
    description: 'Per admin user: when the password changed, the hashes of the last ones, failed logins, lock, last login, the named holder';
    displayName: '\u8D26\u53F7\u5BC6\u7801\u72B6\u6001';
    pluralName: 'password-states';
    singularName: 'password-state';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    changedAt: Schema.Attribute.DateTime;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    failedLogins: Schema.Attribute.Integer & Schema.Attribute.DefaultTo<0>;
    history: Schema.Attribute.JSON & Schema.Attribute.Private;
    holderName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 50;
      }>;
    lastFailedAt: Schema.Attribute.DateTime;
    lastLoginAt: Schema.Attribute.DateTime;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.password-state'> &
      Schema.Attribute.Private;
    lockedUntil: Schema.Attribute.DateTime;
    mustChange: Schema.Attribute.Enumeration<['firstLogin', 'adminReset']>;
    publishedAt: Schema.Attribute.DateTime;
    remindersSent: Schema.Attribute.JSON;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    userId: Schema.Attribute.Integer & Schema.Attribute.Required;
  };
}

export interface PluginGovernancePublicationColumn extends Struct.CollectionTypeSchema {
  collectionName: 'governance_publication_columns';
  info: {
    description: 'Kept figures: the counted articles and all articles of one column of one site still published, and its latest counted publication';
    displayName: '\u53D1\u5E03\u6570\uFF08\u7AD9\u70B9\u00B7\u680F\u76EE\uFF09';
    pluralName: 'publication-columns';
    singularName: 'publication-column';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    articles: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.DefaultTo<0>;
    columnName: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }> &
      Schema.Attribute.DefaultTo<''>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    lastPublishedAt: Schema.Attribute.DateTime;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.publication-column'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    rawArticles: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<0>;
    siteId: Schema.Attribute.Integer & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernancePublicationDay extends Struct.CollectionTypeSchema {
  collectionName: 'governance_publication_days';
  info: {
    description: 'Kept figures: articles first published on one local day in one column of one site and still published (counted, all, special topics), and the latest counted publication of the day';
    displayName: '\u53D1\u5E03\u6570\uFF08\u7AD9\u70B9\u00B7\u680F\u76EE\u00B7\u65E5\uFF09';
    pluralName: 'publication-days';
    singularName: 'publication-day';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    articles: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.DefaultTo<0>;
    columnName: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }> &
      Schema.Attribute.DefaultTo<''>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    day: Schema.Attribute.Date & Schema.Attribute.Required;
    lastPublishedAt: Schema.Attribute.DateTime;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.publication-day'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    rawArticles: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<0>;
    siteId: Schema.Attribute.Integer & Schema.Attribute.Required;
    specialTopics: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<0>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernancePublicationEntry extends Struct.CollectionTypeSchema {
  collectionName: 'governance_publication_entries';
  info: {
    description: 'What one published article adds to the kept publication figures (figures/publications.ts): its site, column, local day and whether it counts; the figures change by the difference when it changes';
    displayName: '\u53D1\u5E03\u8BA1\u6570\u767B\u8BB0\uFF08\u6BCF\u7BC7\u6587\u7AE0\uFF09';
    pluralName: 'publication-entries';
    singularName: 'publication-entry';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    articleDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    columnName: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }> &
      Schema.Attribute.DefaultTo<''>;
    counted: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<true>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    day: Schema.Attribute.Date & Schema.Attribute.Required;
    firstPublishedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.publication-entry'> &
      Schema.Attribute.Private;
    month: Schema.Attribute.Date & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    siteId: Schema.Attribute.Integer & Schema.Attribute.Required;
    specialTopic: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<false>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernancePublicationMonth extends Struct.CollectionTypeSchema {
  collectionName: 'governance_publication_months';
  info: {
    description: 'Kept figures: the publication-day figures summed per local month (month: its first day), so a year reads twelve rows a column';
    displayName: '\u53D1\u5E03\u6570\uFF08\u7AD9\u70B9\u00B7\u680F\u76EE\u00B7\u6708\uFF09';
    pluralName: 'publication-months';
    singularName: 'publication-month';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    articles: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.DefaultTo<0>;
    columnName: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }> &
      Schema.Attribute.DefaultTo<''>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.publication-month'> &
      Schema.Attribute.Private;
    month: Schema.Attribute.Date & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    rawArticles: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<0>;
    siteId: Schema.Attribute.Integer & Schema.Attribute.Required;
    specialTopics: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<0>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernancePublishedFile extends Struct.CollectionTypeSchema {
  collectionName: 'governance_published_files';
  info: {
    description: 'Which published article uses which media library file (media/published-files.ts): a file answers the public while one does';
    displayName: '\u5DF2\u516C\u5F00\u6587\u4EF6';
    pluralName: 'published-files';
    singularName: 'published-file';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    articleDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    fileId: Schema.Attribute.Integer & Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.published-file'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceRankingSnapshot extends Struct.CollectionTypeSchema {
  collectionName: 'governance_ranking_snapshots';
  info: {
    description: "One version of a year's ranking as a provincial admin froze it: the notice quotes the latest; a later freeze adds a version with its reason and never edits or removes an earlier one";
    displayName: '\u53D1\u5E03\u6392\u540D\u5FEB\u7167';
    pluralName: 'ranking-snapshots';
    singularName: 'ranking-snapshot';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    differences: Schema.Attribute.JSON;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.ranking-snapshot'> &
      Schema.Attribute.Private;
    note: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    ranking: Schema.Attribute.JSON & Schema.Attribute.Required;
    reason: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    takenAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    takenBy: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    takenById: Schema.Attribute.Integer;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    version: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<1>;
    year: Schema.Attribute.Integer & Schema.Attribute.Required;
  };
}

export interface PluginGovernanceRectification extends Struct.CollectionTypeSchema {
  collectionName: 'governance_rectifications';
  info: {
    description: 'A rectification task (\u6574\u6539) of a site named in a published inspection notice, tracked to closure with its evidence';
    displayName: '\u6574\u6539\u4EFB\u52A1';
    pluralName: 'rectifications';
    singularName: 'rectification';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    closedAt: Schema.Attribute.DateTime;
    closedByName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    deadline: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 10;
      }>;
    evidence: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.rectification'> &
      Schema.Attribute.Private;
    noticeId: Schema.Attribute.Integer & Schema.Attribute.Required;
    problems: Schema.Attribute.JSON & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    reviewComment: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    siteCode: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    siteDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    siteName: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    status: Schema.Attribute.Enumeration<['open', 'submitted', 'closed']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'open'>;
    submittedAt: Schema.Attribute.DateTime;
    submittedByName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceReviewDecision extends Struct.CollectionTypeSchema {
  collectionName: 'governance_review_decisions';
  info: {
    description: "One act in an article's review, kept for accountability (\u8C01\u4E0A\u4F20\u3001\u8C01\u5BA1\u6838\u3001\u8C01\u7B7E\u53D1\u3001\u8C01\u8D1F\u8D23)";
    displayName: '\u5BA1\u6838\u8BB0\u5F55';
    pluralName: 'review-decisions';
    singularName: 'review-decision';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    action: Schema.Attribute.Enumeration<
      ['submit', 'approve', 'reject', 'withdraw', 'void', 'publish']
    > &
      Schema.Attribute.Required;
    actor: Schema.Attribute.Relation<'manyToOne', 'admin::user'>;
    actorName: Schema.Attribute.String;
    articleDocumentId: Schema.Attribute.String & Schema.Attribute.Required;
    articleTitle: Schema.Attribute.String;
    capacity: Schema.Attribute.Enumeration<['leader', 'reviewer', 'approver']>;
    checklist: Schema.Attribute.JSON;
    comment: Schema.Attribute.Text;
    contentHash: Schema.Attribute.String;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.review-decision'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    reason: Schema.Attribute.Text;
    round: Schema.Attribute.Integer & Schema.Attribute.Required;
    site: Schema.Attribute.Relation<'manyToOne', 'api::site.site'>;
    step: Schema.Attribute.Integer;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    wordHits: Schema.Attribute.JSON;
  };
}

export interface PluginGovernanceReviewState extends Struct.CollectionTypeSchema {
  collectionName: 'governance_review_states';
  info: {
    description: 'Where one article stands in its review: the round under way and the step waited on';
    displayName: '\u5BA1\u6838\u72B6\u6001';
    pluralName: 'review-states';
    singularName: 'review-state';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    articleDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique;
    chain: Schema.Attribute.JSON;
    contentHash: Schema.Attribute.String;
    contributors: Schema.Attribute.JSON;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    currentCapacity: Schema.Attribute.Enumeration<['leader', 'reviewer', 'approver']>;
    draftHash: Schema.Attribute.String;
    lastReason: Schema.Attribute.Text;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.review-state'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    round: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.DefaultTo<0>;
    site: Schema.Attribute.Relation<'manyToOne', 'api::site.site'>;
    status: Schema.Attribute.Enumeration<
      ['draft', 'submitted', 'in_review', 'approved', 'rejected', 'withdrawn']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'draft'>;
    step: Schema.Attribute.Integer;
    submittedAt: Schema.Attribute.DateTime;
    submittedBy: Schema.Attribute.Relation<'manyToOne', 'admin::user'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    waitingSince: Schema.Attribute.DateTime;
  };
}

export interface PluginGovernanceSensitiveWord extends Struct.CollectionTypeSchema {
  collectionName: 'governance_sensitive_words';
  info: {
    description: 'A word checked on submission: forbidden words block it, others are shown to author and reviewer';
    displayName: '\u9519\u654F\u8BCD';
    pluralName: 'sensitive-words';
    singularName: 'sensitive-word';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    level: Schema.Attribute.Enumeration<['forbidden', 'check']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'check'>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.sensitive-word'> &
      Schema.Attribute.Private;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    suggestion: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    word: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 50;
      }>;
  };
}

export interface PluginGovernanceSiteColumn extends Struct.CollectionTypeSchema {
  collectionName: 'governance_site_columns';
  info: {
    description: 'A column (\u680F\u76EE) of one site and its update rule: news, notice, policy or static, optionally with its own number of days, and where its articles count in the annual report form (none set: by its kind); a retired column is kept for history (retiredAt), a renamed one keeps its former names';
    displayName: '\u680F\u76EE';
    pluralName: 'site-columns';
    singularName: 'site-column';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    formerNames: Schema.Attribute.JSON;
    kind: Schema.Attribute.Enumeration<['news', 'notice', 'policy', 'static']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'news'>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.site-column'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 50;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    reportCategory: Schema.Attribute.Enumeration<['overview', 'news', 'disclosure', 'none']>;
    retiredAt: Schema.Attribute.DateTime;
    siteDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    sortOrder: Schema.Attribute.Integer & Schema.Attribute.DefaultTo<0>;
    staleAfterDays: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 3650;
          min: 1;
        },
        number
      >;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceSiteFolder extends Struct.CollectionTypeSchema {
  collectionName: 'governance_site_folders';
  info: {
    description: "Each site's root folder in the media library (media/site-folders.ts): its files are the site's, seen and changed by the site's staff only";
    displayName: '\u7AD9\u70B9\u6587\u4EF6\u5939';
    pluralName: 'site-folders';
    singularName: 'site-folder';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    folderId: Schema.Attribute.Integer & Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.site-folder'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    siteId: Schema.Attribute.Integer & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceSiteMembership extends Struct.CollectionTypeSchema {
  collectionName: 'governance_site_memberships';
  info: {
    description: 'Which admin user works for which site, in which capacity';
    displayName: '\u7AD9\u70B9\u6210\u5458';
    pluralName: 'site-memberships';
    singularName: 'site-membership';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    capacity: Schema.Attribute.Enumeration<
      ['leader', 'editor', 'reviewer', 'approver', 'handler']
    > &
      Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.site-membership'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    site: Schema.Attribute.Relation<'manyToOne', 'api::site.site'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    user: Schema.Attribute.Relation<'manyToOne', 'admin::user'>;
  };
}

export interface PluginGovernanceSiteVisit extends Struct.CollectionTypeSchema {
  collectionName: 'governance_site_visits';
  info: {
    description: "Visits to one site on one local day, added to in batches by every instance's visit counter; once the day is closed, judged against the site's own baseline (flaggedAbove: the most the ranking counts; anomaly: a one-day spike or a sustained ramp)";
    displayName: '\u7AD9\u70B9\u8BBF\u95EE\u91CF\uFF08\u65E5\uFF09';
    pluralName: 'site-visits';
    singularName: 'site-visit';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    anomaly: Schema.Attribute.Enumeration<['spike', 'ramp']>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    day: Schema.Attribute.Date & Schema.Attribute.Required;
    flaggedAbove: Schema.Attribute.BigInteger;
    judgedAt: Schema.Attribute.DateTime;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.site-visit'> &
      Schema.Attribute.Private;
    median: Schema.Attribute.BigInteger;
    publishedAt: Schema.Attribute.DateTime;
    siteDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    visits: Schema.Attribute.BigInteger &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'0'>;
  };
}

export interface PluginGovernanceSubmission extends Struct.CollectionTypeSchema {
  collectionName: 'governance_submissions';
  info: {
    description: 'An article a site submitted to the portal or to its city, and what the receiving site decided';
    displayName: '\u4FE1\u606F\u62A5\u9001';
    pluralName: 'submissions';
    singularName: 'submission';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    adoptedArticleDocumentId: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    copyPublished: Schema.Attribute.Boolean;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    decidedAt: Schema.Attribute.DateTime;
    decidedById: Schema.Attribute.Integer;
    decidedByName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    declineReason: Schema.Attribute.Text;
    events: Schema.Attribute.JSON;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.submission'> &
      Schema.Attribute.Private;
    note: Schema.Attribute.Text;
    publishedAt: Schema.Attribute.DateTime;
    sourceArticleDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    sourcePublished: Schema.Attribute.Boolean;
    sourceSiteDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    status: Schema.Attribute.Enumeration<['submitted', 'adopted', 'declined', 'withdrawn']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'submitted'>;
    submittedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    submittedById: Schema.Attribute.Integer;
    submittedByName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    summary: Schema.Attribute.Text;
    targetSiteDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginGovernanceVisitorSalt extends Struct.CollectionTypeSchema {
  collectionName: 'governance_visitor_salts';
  info: {
    description: "The secret key of one local year with which every instance hashes a visitor (source and browser) before adding it to the year's visitor sketches; a past year's is deleted, so that no hash can be made again";
    displayName: '\u8BBF\u5BA2\u8BA1\u6570\u5BC6\u94A5\uFF08\u5E74\uFF09';
    pluralName: 'visitor-salts';
    singularName: 'visitor-salt';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.visitor-salt'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    salt: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    year: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.Unique;
  };
}

export interface PluginGovernanceVisitorSketch extends Struct.CollectionTypeSchema {
  collectionName: 'governance_visitor_sketches';
  info: {
    description: "The distinct visitors of one site in one local year as a HyperLogLog sketch (rankings/visitor-sketch.ts, base64): merged into by every instance's visit counter, never an address or a hash";
    displayName: '\u72EC\u7ACB\u8BBF\u5BA2\uFF08\u7AD9\u70B9\u00B7\u5E74\uFF09';
    pluralName: 'visitor-sketches';
    singularName: 'visitor-sketch';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.visitor-sketch'> &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    registers: Schema.Attribute.Text & Schema.Attribute.Required;
    siteDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    year: Schema.Attribute.Integer & Schema.Attribute.Required;
  };
}

export interface PluginGovernanceWordingRule extends Struct.CollectionTypeSchema {
  collectionName: 'governance_wording_rules';
  info: {
    description: 'A wrong form a government text must not use and the right one: writing it is a serious wording error';
    displayName: '\u89C4\u8303\u8868\u8FF0';
    pluralName: 'wording-rules';
    singularName: 'wording-rule';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    category: Schema.Attribute.Enumeration<['leader', 'political', 'institution', 'other']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'other'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::governance.wording-rule'> &
      Schema.Attribute.Private;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    right: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    wrong: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
  };
}

export interface PluginI18NLocale extends Struct.CollectionTypeSchema {
  collectionName: 'i18n_locale';
  info: {
    collectionName: 'locales';
    description: '';
    displayName: 'Locale';
    pluralName: 'locales';
    singularName: 'locale';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    code: Schema.Attribute.String & Schema.Attribute.Unique;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::i18n.locale'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMax<
        {
          max: 50;
          min: 1;
        },
        number
      >;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginReviewWorkflowsWorkflow extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_workflows';
  info: {
    description: '';
    displayName: 'Workflow';
    name: 'Workflow';
    pluralName: 'workflows';
    singularName: 'workflow';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    contentTypes: Schema.Attribute.JSON &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'[]'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::review-workflows.workflow'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String & Schema.Attribute.Required & Schema.Attribute.Unique;
    publishedAt: Schema.Attribute.DateTime;
    stageRequiredToPublish: Schema.Attribute.Relation<
      'oneToOne',
      'plugin::review-workflows.workflow-stage'
    >;
    stages: Schema.Attribute.Relation<'oneToMany', 'plugin::review-workflows.workflow-stage'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

export interface PluginReviewWorkflowsWorkflowStage extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_workflows_stages';
  info: {
    description: '';
    displayName: 'Stages';
    name: 'Workflow Stage';
    pluralName: 'workflow-stages';
    singularName: 'workflow-stage';
  };
  options: {
    draftAndPublish: false;
    version: '1.1.0';
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    color: Schema.Attribute.String & Schema.Attribute.DefaultTo<'#4945FF'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::review-workflows.workflow-stage'
    > &
      Schema.Attribute.Private;
    name: Schema.Attribute.String;
    permissions: Schema.Attribute.Relation<'manyToMany', 'admin::permission'>;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    workflow: Schema.Attribute.Relation<'manyToOne', 'plugin::review-workflows.workflow'>;
  };
}

export interface PluginUploadFile extends Struct.CollectionTypeSchema {
  collectionName: 'files';
  info: {
    description: '';
    displayName: 'File';
    pluralName: 'files';
    singularName: 'file';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    alternativeText: Schema.Attribute.Text;
    caption: Schema.Attribute.Text;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    ext: Schema.Attribute.String;
    focalPoint: Schema.Attribute.JSON;
    folder: Schema.Attribute.Relation<'manyToOne', 'plugin::upload.folder'> &
      Schema.Attribute.Private;
    folderPath: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    formats: Schema.Attribute.JSON;
    hash: Schema.Attribute.String & Schema.Attribute.Required;
    height: Schema.Attribute.Integer;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::upload.file'> &
      Schema.Attribute.Private;
    mime: Schema.Attribute.String & Schema.Attribute.Required;
    name: Schema.Attribute.String & Schema.Attribute.Required;
    previewUrl: Schema.Attribute.Text;
    provider: Schema.Attribute.String & Schema.Attribute.Required;
    provider_metadata: Schema.Attribute.JSON;
    publishedAt: Schema.Attribute.DateTime;
    related: Schema.Attribute.Relation<'morphToMany'>;
    sha256: Schema.Attribute.String & Schema.Attribute.Private;
    size: Schema.Attribute.Decimal & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    url: Schema.Attribute.Text & Schema.Attribute.Required;
    width: Schema.Attribute.Integer;
  };
}

export interface PluginUploadFolder extends Struct.CollectionTypeSchema {
  collectionName: 'upload_folders';
  info: {
    displayName: 'Folder';
    pluralName: 'folders';
    singularName: 'folder';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    children: Schema.Attribute.Relation<'oneToMany', 'plugin::upload.folder'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
    files: Schema.Attribute.Relation<'oneToMany', 'plugin::upload.file'>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'plugin::upload.folder'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    parent: Schema.Attribute.Relation<'manyToOne', 'plugin::upload.folder'>;
    path: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    pathId: Schema.Attribute.Integer & Schema.Attribute.Required & Schema.Attribute.Unique;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> & Schema.Attribute.Private;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ContentTypeSchemas {
      'admin::api-token': AdminApiToken;
      'admin::api-token-permission': AdminApiTokenPermission;
      'admin::permission': AdminPermission;
      'admin::role': AdminRole;
      'admin::session': AdminSession;
      'admin::transfer-token': AdminTransferToken;
      'admin::transfer-token-permission': AdminTransferTokenPermission;
      'admin::user': AdminUser;
      'api::article.article': ApiArticleArticle;
      'api::citizen-message.citizen-message': ApiCitizenMessageCitizenMessage;
      'api::site.site': ApiSiteSite;
      'plugin::content-releases.release': PluginContentReleasesRelease;
      'plugin::content-releases.release-action': PluginContentReleasesReleaseAction;
      'plugin::governance.article-block': PluginGovernanceArticleBlock;
      'plugin::governance.article-link': PluginGovernanceArticleLink;
      'plugin::governance.audit-entry': PluginGovernanceAuditEntry;
      'plugin::governance.audit-head': PluginGovernanceAuditHead;
      'plugin::governance.column-change': PluginGovernanceColumnChange;
      'plugin::governance.holiday-year': PluginGovernanceHolidayYear;
      'plugin::governance.inspected-article': PluginGovernanceInspectedArticle;
      'plugin::governance.inspection-finding': PluginGovernanceInspectionFinding;
      'plugin::governance.inspection-notice': PluginGovernanceInspectionNotice;
      'plugin::governance.inspection-run': PluginGovernanceInspectionRun;
      'plugin::governance.job-lease': PluginGovernanceJobLease;
      'plugin::governance.link-host-rule': PluginGovernanceLinkHostRule;
      'plugin::governance.link-state': PluginGovernanceLinkState;
      'plugin::governance.message-day': PluginGovernanceMessageDay;
      'plugin::governance.message-entry': PluginGovernanceMessageEntry;
      'plugin::governance.message-event': PluginGovernanceMessageEvent;
      'plugin::governance.message-holding': PluginGovernanceMessageHolding;
      'plugin::governance.message-month': PluginGovernanceMessageMonth;
      'plugin::governance.oversight-alert': PluginGovernanceOversightAlert;
      'plugin::governance.oversight-rule-state': PluginGovernanceOversightRuleState;
      'plugin::governance.oversight-urge': PluginGovernanceOversightUrge;
      'plugin::governance.password-reminder': PluginGovernancePasswordReminder;
      'plugin::governance.password-state': PluginGovernancePasswordState;
      'plugin::governance.publication-column': PluginGovernancePublicationColumn;
      'plugin::governance.publication-day': PluginGovernancePublicationDay;
      'plugin::governance.publication-entry': PluginGovernancePublicationEntry;
      'plugin::governance.publication-month': PluginGovernancePublicationMonth;
      'plugin::governance.published-file': PluginGovernancePublishedFile;
      'plugin::governance.ranking-snapshot': PluginGovernanceRankingSnapshot;
      'plugin::governance.rectification': PluginGovernanceRectification;
      'plugin::governance.review-decision': PluginGovernanceReviewDecision;
      'plugin::governance.review-state': PluginGovernanceReviewState;
      'plugin::governance.sensitive-word': PluginGovernanceSensitiveWord;
      'plugin::governance.site-column': PluginGovernanceSiteColumn;
      'plugin::governance.site-folder': PluginGovernanceSiteFolder;
      'plugin::governance.site-membership': PluginGovernanceSiteMembership;
      'plugin::governance.site-visit': PluginGovernanceSiteVisit;
      'plugin::governance.submission': PluginGovernanceSubmission;
      'plugin::governance.visitor-salt': PluginGovernanceVisitorSalt;
      'plugin::governance.visitor-sketch': PluginGovernanceVisitorSketch;
      'plugin::governance.wording-rule': PluginGovernanceWordingRule;
      'plugin::i18n.locale': PluginI18NLocale;
      'plugin::review-workflows.workflow': PluginReviewWorkflowsWorkflow;
      'plugin::review-workflows.workflow-stage': PluginReviewWorkflowsWorkflowStage;
      'plugin::upload.file': PluginUploadFile;
      'plugin::upload.folder': PluginUploadFolder;
    }
  }
}
