import type { Core } from '@strapi/strapi';
import type { GovernanceConfig } from '../config';

/** Whether the plugin sends e-mail at all (`GOVERNANCE_EMAILS`; needs a provider in Strapi's email plugin). */
export const emailsOn = (strapi: Core.Strapi) =>
  (strapi.config.get('plugin::governance') as GovernanceConfig).notifications.email;

/**
 * One e-mail through Strapi's email plugin; answers whether it went out. What it reports is
 * already recorded: a mail server's trouble is logged, never allowed to undo that.
 */
export const sendEmail = async (strapi: Core.Strapi, to: string, subject: string, text: string) => {
  try {
    await strapi.plugin('email').service('email').send({ to, subject, text });
    return true;
  } catch (error) {
    strapi.log.warn(`governance: e-mail "${subject}" to ${to} failed: ${(error as Error).message}`);
    return false;
  }
};
