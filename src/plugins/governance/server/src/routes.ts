import overview from './overview';

export default {
  admin: {
    type: 'admin',
    routes: [...overview.routes],
  },
};
