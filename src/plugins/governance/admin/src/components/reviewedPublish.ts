import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useEffect } from 'react';
import { useArticleReview } from '../api/review';

const ARTICLE = 'api::article.article';

/** The edit view's publish shortcut (Ctrl or Cmd, Shift, Enter). */
const isPublishShortcut = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && event.shiftKey && event.key === 'Enter';

/**
 * Strapi's 发布 action, disabled for an article the publish gate would refuse (先审后发): not
 * approved, or changed since. The review panel beside it says why. The action's own checks
 * (permission, unsaved form, nothing new to publish) still apply; other types are untouched.
 */
const reviewed = (publish: DocumentActionComponent): DocumentActionComponent => {
  const ReviewedPublish: DocumentActionComponent = (props) => {
    // Strapi's action first, with its hooks, every render.
    const description = publish(props);
    const isArticle = props.model === ARTICLE;
    const { data: review } = useArticleReview(
      isArticle ? props.documentId : undefined,
      props.document?.updatedAt
    );
    const blocked = isArticle && !review?.publishable;
    // Strapi's own shortcut listener would publish past a disabled button: take the keys first.
    useEffect(() => {
      if (!blocked) return undefined;
      const swallow = (event: KeyboardEvent) => {
        if (!isPublishShortcut(event)) return;
        event.preventDefault();
        event.stopPropagation();
      };
      window.addEventListener('keydown', swallow, true);
      return () => window.removeEventListener('keydown', swallow, true);
    }, [blocked]);
    return description && blocked ? { ...description, disabled: true } : description;
  };
  ReviewedPublish.type = 'publish';
  ReviewedPublish.position = publish.position;
  return ReviewedPublish;
};

/** For `addDocumentAction`: the document actions with 发布 replaced by the reviewed one. */
export const withReviewedPublish = (actions: DocumentActionComponent[]) =>
  actions.map((action) => (action.type === 'publish' ? reviewed(action) : action));
