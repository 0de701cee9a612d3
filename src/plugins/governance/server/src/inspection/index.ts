import contentTypes from './content-types';
import controller from './controller';
import routes from './routes';
import service from './service';

/** 内容巡检: what is already online checked again by the text check, incrementally. */
export default {
  contentTypes,
  controller,
  routes,
  service,
};
