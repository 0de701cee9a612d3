import type { Core } from '@strapi/strapi';
import { emailsOn, sendEmail } from '../utils/email';
import { SITE_MEMBERSHIP as MEMBERSHIP } from '../uids';
import { STEP_NAMES, type StepCapacity } from './chain';

interface ArticleRef {
  documentId: string;
  title: string;
  site: { id: number; name: string } | null;
}

interface Recipient {
  email: string;
  isActive?: boolean;
}

/**
 * E-mail to whoever must act next, through Strapi's email plugin, when the deployment has
 * configured a provider and turned review e-mails on (`governance.notifications.email`). The
 * admin shows the same work as counts on the menu and the home page whatever this says.
 */
const send = async (
  strapi: Core.Strapi,
  recipients: Recipient[],
  subject: string,
  text: string
) => {
  const to = [
    ...new Set(recipients.filter((r) => r.isActive !== false && r.email).map((r) => r.email)),
  ];
  for (const address of to) await sendEmail(strapi, address, subject, text);
};

/** A link to the article's edit view, absolute when the deployment names its public URL. */
const adminLink = (strapi: Core.Strapi, documentId: string) =>
  `${strapi.config.get('admin.absoluteUrl', '/admin')}/content-manager/collection-types/api::article.article/${documentId}`;

/** Tells the members holding the next step of the article's site that it waits for them. */
export const notifyNextStep = async (
  strapi: Core.Strapi,
  article: ArticleRef,
  capacity: StepCapacity
) => {
  if (!emailsOn(strapi) || !article.site) return;
  const members = (await strapi.db.query(MEMBERSHIP).findMany({
    where: { site: { id: article.site.id }, capacity },
    populate: { user: { select: ['email', 'isActive'] } },
  })) as Array<{ user: Recipient | null }>;
  await send(
    strapi,
    members.flatMap((m) => (m.user ? [m.user] : [])),
    `【待审核】${article.site.name}：${article.title}`,
    `《${article.title}》（${article.site.name}）等待您${STEP_NAMES[capacity]}。\n请登录后台“站群管理 → 待我审核”处理：${adminLink(strapi, article.documentId)}`
  );
};

/** Tells the submitter that the article was approved (it may be published) or sent back. */
export const notifyAuthor = async (
  strapi: Core.Strapi,
  article: ArticleRef,
  submitter: { email?: string } | null,
  outcome: 'approved' | 'rejected',
  reason?: string
) => {
  if (!emailsOn(strapi) || !submitter?.email) return;
  const subject =
    outcome === 'approved' ? `【审核通过】${article.title}` : `【审核退回】${article.title}`;
  const text =
    outcome === 'approved'
      ? `《${article.title}》已通过全部审核步骤，可以发布：${adminLink(strapi, article.documentId)}`
      : `《${article.title}》被退回，原因：${reason}\n请修改后重新送审：${adminLink(strapi, article.documentId)}`;
  await send(strapi, [{ email: submitter.email }], subject, text);
};
