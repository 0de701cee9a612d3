import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::citizen-message.citizen-message');
