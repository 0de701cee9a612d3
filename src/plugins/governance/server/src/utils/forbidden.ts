import { errors } from '@strapi/utils';

/**
 * A 403 whose message reaches the user. Strapi replaces the message of any ForbiddenError
 * thrown behind a route with a bare "Forbidden" (core's authorize middleware), except for a
 * PolicyError: a refusal the user must understand ("not your step", "not approved") is one.
 */
export const forbidden = (message: string, details?: Record<string, unknown>) =>
  new errors.PolicyError(message, details);
