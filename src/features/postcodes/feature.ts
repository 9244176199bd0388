// Postcode centroids: no pages of their own; the demo authority gets its extract loaded, so
// distances (20 miles from home, matching, sufficiency) work from the first start. A council loads
// the ONSPD with `hearth postcodes --file`.
import type { Feature } from '../../platform/http/features.ts';
import { demoCentroids, loadCentroids } from './centroids.ts';

export const feature: Feature = {
  name: 'postcodes',
  demo: async (db) => {
    await loadCentroids(db, demoCentroids());
  },
};
