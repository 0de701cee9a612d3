import { winston, formats } from '@strapi/logger';

export default {
  transports: [
    new winston.transports.Console({
      level: 'warn',
      format: formats.prettyPrint(),
    }),
  ],
};
