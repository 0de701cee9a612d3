import type { Schema, Struct } from '@strapi/strapi';

export interface ArticleAttachment extends Struct.ComponentSchema {
  collectionName: 'components_article_attachments';
  info: {
    description: 'A file offered for download with an article, under the name readers see';
    displayName: '\u9644\u4EF6';
  };
  attributes: {
    file: Schema.Attribute.Media<'files' | 'images'>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'article.attachment': ArticleAttachment;
    }
  }
}
