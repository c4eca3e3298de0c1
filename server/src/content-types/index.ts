import policy from './policy/schema.json';
import edition from './edition/schema.json';
import collectionForm from './collection-form/schema.json';

export default {
  policy: { schema: policy },
  edition: { schema: edition },
  'collection-form': { schema: collectionForm },
};
