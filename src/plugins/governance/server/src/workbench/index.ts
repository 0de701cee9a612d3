import controller from './controller';
import routes from './routes';
import service from './service';

/** 工作台: the admin's home page, each user's to-dos from the concerns that keep them. */
export default { controller, routes, service };
