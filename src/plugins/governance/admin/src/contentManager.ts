import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ComponentType } from 'react';

type ContentManagerApis = ContentManagerPlugin['config']['apis'];

/**
 * The Content Manager's extension points (side panels, document actions). Strapi types a
 * plugin's `apis` loosely (`Record<string, unknown>`); the Content Manager exports their type,
 * so the one conversion is here.
 */
export const contentManagerApis = (app: StrapiApp): ContentManagerApis =>
  app.getPlugin('content-manager').apis as ContentManagerApis;

/**
 * A custom field's input for `app.customFields.register`: Strapi types it as taking no props,
 * though the Content Manager renders it with the field's (name, label, hint, disabled…).
 */
export const customFieldInput =
  <Props>(load: () => Promise<{ default: ComponentType<Props> }>) =>
  async () => ({ default: (await load()).default as ComponentType });
