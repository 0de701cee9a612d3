import messageEvent from './message-event/schema.json';
import messageHolding from './message-holding/schema.json';

export default {
  'message-event': { schema: messageEvent },
  'message-holding': { schema: messageHolding },
};
