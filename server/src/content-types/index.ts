import policy from './policy/schema.json';
import edition from './edition/schema.json';

export default {
  policy: { schema: policy },
  edition: { schema: edition },
};
