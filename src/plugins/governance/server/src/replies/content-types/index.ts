import messageEvent from './message-event/schema.json';

export default {
  'message-event': { schema: messageEvent },
};
